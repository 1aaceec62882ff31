import { SpanKind } from "@opentelemetry/api";
import type { ChatClient, ChatMessage, ChatRequest, ChatResponse } from "../models/client.ts";
import { REDACT_PATHS, scrubEmails } from "../runtime/logger.ts";
import { inSpan } from "./tracing.ts";

/** GenAI semantic-convention attribute names (OpenTelemetry semconv, gen_ai.*). */
export const GEN_AI = {
  operation: "gen_ai.operation.name",
  provider: "gen_ai.provider.name",
  requestModel: "gen_ai.request.model",
  responseModel: "gen_ai.response.model",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  finishReasons: "gen_ai.response.finish_reasons",
  agentName: "gen_ai.agent.name",
  toolName: "gen_ai.tool.name",
  inputMessages: "gen_ai.input.messages",
  outputMessages: "gen_ai.output.messages",
} as const;

/** The GenAI provider names of the semantic conventions for our providers. */
const PROVIDER_NAME: Record<string, string> = { openai: "openai", anthropic: "anthropic" };

/**
 * Wraps a chat client so every call is a GenAI `chat <model>` client span: provider, request and response model,
 * input and output tokens (the same usage the ledger records) and finish reasons. Message text is recorded only
 * when `captureContent` is set, and then redacted like the logs.
 */
export function tracedClient(client: ChatClient, captureContent: boolean): ChatClient {
  return {
    provider: client.provider,
    model: client.model,
    chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
      const attributes = {
        [GEN_AI.operation]: "chat",
        [GEN_AI.provider]: PROVIDER_NAME[client.provider] ?? client.provider,
        [GEN_AI.requestModel]: client.model,
        ...(captureContent
          ? { [GEN_AI.inputMessages]: JSON.stringify(redactMessages(request.messages)) }
          : {}),
      };
      return inSpan(
        `chat ${client.model}`,
        attributes,
        async (span) => {
          const response = await client.chat(request, signal);
          span.setAttributes({
            [GEN_AI.responseModel]: response.model,
            [GEN_AI.inputTokens]: response.usage.input,
            [GEN_AI.outputTokens]: response.usage.output,
            [GEN_AI.finishReasons]: [response.toolCalls.length > 0 ? "tool_calls" : "stop"],
          });
          if (captureContent) {
            const out = { role: "assistant", content: response.text, toolCalls: response.toolCalls };
            span.setAttribute(GEN_AI.outputMessages, JSON.stringify(redactMessages([out as ChatMessage])));
          }
          return response;
        },
        { kind: SpanKind.CLIENT },
      );
    },
  };
}

// The leaf keys the logger censors (`*.body`, `email`, …): censored the same way inside tool-call arguments.
const CENSORED = new Set(REDACT_PATHS.map((p) => p.split(".").at(-1) ?? p));

/** Messages as the logs would show them: emails scrubbed from text, the logger's redacted keys censored. */
export function redactMessages(messages: readonly ChatMessage[]): unknown[] {
  return messages.map((m) => scrubEmails(censor(m, 0)));
}

function censor(value: unknown, depth: number): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => censor(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) =>
      // A message's own `content` is what the setting asked to see; nested content fields stay censored.
      [k, CENSORED.has(k) && !(depth === 0 && k === "content") ? "[redacted]" : censor(v, depth + 1)],
    ),
  );
}
