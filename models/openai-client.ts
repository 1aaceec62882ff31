import {
  AIMessage,
  type AIMessageChunk,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import type { ChatClient, ChatMessage, ChatRequest, ChatResponse, ToolCall } from "./client.ts";
import type { Fetch } from "./replay/fetch.ts";
import { strictJsonSchema, withoutAddedNulls } from "./structured/strict-schema.ts";

/** Settings for an OpenAI (or OpenAI-compatible) chat model. */
export interface OpenAiClientOptions {
  readonly model: string;
  readonly apiKey: string | null;
  readonly baseUrl: string | null;
  readonly timeoutMs: number;
  readonly maxOutputTokens: number;
  /** A fetch to send requests through (the record/replay layer); the global fetch when absent. */
  readonly fetch?: Fetch;
}

/** A chat client over @langchain/openai's ChatOpenAI; also serves Ollama, vLLM and other compatible servers. */
export function openAiClient(options: OpenAiClientOptions): ChatClient {
  const llm = new ChatOpenAI({
    model: options.model,
    // Local compatible servers often take no key, but the SDK insists on one.
    apiKey: options.apiKey ?? "not-needed",
    configuration: {
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
    maxRetries: 0,
    timeout: options.timeoutMs,
    maxTokens: options.maxOutputTokens,
    streamUsage: true,
  });

  return {
    provider: "openai",
    model: options.model,
    async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
      const tools = (request.tools ?? []).map((t) => ({
        type: "function" as const,
        function: { name: t.name, description: t.description, parameters: t.parameters },
      }));
      const structured = structuredFormat(request);
      const runnable =
        tools.length > 0
          ? llm.bindTools(tools, {
              tool_choice: structured
                ? "none"
                : request.toolChoice
                  ? { type: "function", function: { name: request.toolChoice } }
                  : "auto",
              ...(structured ? { response_format: structured.format } : {}),
            })
          : llm;
      const messages = request.messages.map(toLangChain);
      let message: AIMessage | AIMessageChunk | undefined;
      if (structured) {
        // Streamed so LangChain sends the request as built (its non-streamed path would make every tool strict
        // and parse); the JSON deltas are not the answer's text, so no token is passed on.
        for await (const chunk of await runnable.stream(messages, { signal })) {
          message = message ? (message as AIMessageChunk).concat(chunk) : chunk;
        }
        return structured.answer(fromLangChain(message ?? new AIMessage(""), options.model));
      }
      if (request.onToken) {
        for await (const chunk of await runnable.stream(messages, { signal })) {
          if (typeof chunk.content === "string" && chunk.content) request.onToken(chunk.content);
          message = message ? (message as AIMessageChunk).concat(chunk) : chunk;
        }
      } else {
        message = await runnable.invoke(messages, { signal });
      }
      return fromLangChain(message ?? new AIMessage(""), options.model);
    },
  };
}

/**
 * The strict `response_format` for a forced tool whose schema fits OpenAI's strict mode, and how to turn the
 * JSON answer into a call of that tool; null when structured output was not asked for or does not fit.
 */
function structuredFormat(request: ChatRequest) {
  if (!request.structuredOutput || !request.toolChoice) return null;
  const tool = request.tools?.find((t) => t.name === request.toolChoice);
  const schema = tool ? strictJsonSchema(tool.parameters) : null;
  if (!tool || !schema) return null;
  return {
    format: {
      type: "json_schema" as const,
      json_schema: { name: tool.name, description: tool.description, schema, strict: true },
    },
    /** The JSON text as a call of the tool (with strict mode's added nulls taken back); other text as is. */
    answer(response: ChatResponse): ChatResponse {
      if (response.toolCalls.length > 0) return response;
      let args: unknown;
      try {
        args = JSON.parse(response.text);
      } catch {
        return response;
      }
      const call = {
        id: `structured_${tool.name}`,
        name: tool.name,
        args: withoutAddedNulls(args, tool.parameters),
      };
      return { ...response, text: "", toolCalls: [call] };
    },
  };
}

function toLangChain(message: ChatMessage): BaseMessage {
  switch (message.role) {
    case "system":
      return new SystemMessage(message.content);
    case "user":
      return new HumanMessage(message.content);
    case "assistant":
      return new AIMessage({
        content: message.content,
        tool_calls: message.toolCalls.map((c) => ({
          id: c.id,
          name: c.name,
          args: (c.args ?? {}) as Record<string, unknown>,
          type: "tool_call" as const,
        })),
      });
    case "tool":
      return new ToolMessage({
        content: message.content,
        tool_call_id: message.toolCallId,
        name: message.name,
      });
  }
}

function fromLangChain(message: AIMessage | AIMessageChunk, model: string): ChatResponse {
  const toolCalls: ToolCall[] = [
    ...(message.tool_calls ?? []).map((c, i) => ({ id: c.id ?? `call_${i}`, name: c.name, args: c.args })),
    ...(message.invalid_tool_calls ?? []).map((c, i) => ({
      id: c.id ?? `invalid_${i}`,
      name: c.name ?? "",
      args: c.args ?? null,
      argsError: c.error ?? "the arguments are not valid JSON",
    })),
  ];
  const usage = message.usage_metadata;
  const text = typeof message.content === "string" ? message.content : textOf(message.content);
  const reported = message.response_metadata?.model_name;
  return {
    text,
    toolCalls,
    model: typeof reported === "string" ? reported : model,
    usage: {
      input: usage?.input_tokens ?? 0,
      output: usage?.output_tokens ?? 0,
      cached: usage?.input_token_details?.cache_read ?? 0,
    },
  };
}

function textOf(content: readonly unknown[]): string {
  return content
    .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
    .join("");
}
