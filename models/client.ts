import type { Usage } from "./prices.ts";
import type { Provider } from "./spec.ts";

/** One tool call a model asked for; `argsError` is set when its arguments were not valid JSON. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly args: unknown;
  readonly argsError?: string;
}

/** A provider-neutral chat message. */
export type ChatMessage =
  | { readonly role: "system"; readonly content: string }
  | { readonly role: "user"; readonly content: string }
  | { readonly role: "assistant"; readonly content: string; readonly toolCalls: readonly ToolCall[] }
  | { readonly role: "tool"; readonly toolCallId: string; readonly name: string; readonly content: string };

/** A tool the model may call, described by a JSON schema of its arguments. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
}

/** How one attempt at a call ended, for the usage ledger. */
export interface AttemptReport {
  readonly provider: Provider;
  readonly model: string;
  /** 1 for the first attempt of a call. */
  readonly attempt: number;
  readonly latencyMs: number;
  readonly usage: Usage | null;
  /** ok; error (the provider failed); rejected (the breaker was open, nothing was sent). */
  readonly outcome: "ok" | "error" | "rejected";
  readonly errorCode: string | null;
}

/** One chat call: messages, optional tools (with one forced by name), and streaming when `onToken` is set. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolSpec[];
  /** Forces the model to call this tool, for structured output. */
  readonly toolChoice?: string;
  /**
   * With `toolChoice`: a client whose provider has native structured output asks for the forced tool's
   * arguments that way instead (OpenAI: `response_format` with a strict `json_schema`, when the schema fits
   * strict mode) and answers them as a call of that tool; otherwise the forced tool choice stands.
   */
  readonly structuredOutput?: boolean;
  /** Streams the answer and calls this with each text delta. */
  readonly onToken?: (token: string) => void;
  /** When the whole call (all its attempts) must be over, ms since the epoch; attempts are cut to fit. */
  readonly deadlineAt?: number;
  /** Called after every attempt, successful or not (only resilient clients call it). */
  readonly onAttempt?: (report: AttemptReport) => void | Promise<void>;
}

/** What a model answered. */
export interface ChatResponse {
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly usage: Usage;
  /** The model name the provider reported. */
  readonly model: string;
}

/** A chat model behind one provider; the SDKs' own retries are off, so one `chat` is one HTTP attempt. */
export interface ChatClient {
  readonly provider: Provider;
  readonly model: string;
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse>;
}
