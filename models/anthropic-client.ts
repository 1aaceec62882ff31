import Anthropic from "@anthropic-ai/sdk";
import type { ChatClient, ChatMessage, ChatRequest, ChatResponse, ToolCall } from "./client.ts";
import type { Fetch } from "./replay/fetch.ts";

/** Settings for an Anthropic chat model. */
export interface AnthropicClientOptions {
  readonly model: string;
  readonly apiKey: string | null;
  readonly baseUrl: string | null;
  readonly timeoutMs: number;
  readonly maxOutputTokens: number;
  /** A fetch to send requests through (the record/replay layer); the global fetch when absent. */
  readonly fetch?: Fetch;
}

type Params = Anthropic.MessageCreateParamsNonStreaming;

/** A chat client over Anthropic's official SDK: `messages.create`, or `messages.stream` when streaming. */
export function anthropicClient(options: AnthropicClientOptions): ChatClient {
  const sdk = new Anthropic({
    apiKey: options.apiKey ?? "",
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    maxRetries: 0,
    timeout: options.timeoutMs,
  });

  return {
    provider: "anthropic",
    model: options.model,
    async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
      const system = request.messages
        .filter((m) => m.role === "system")
        .map((m) => m.content)
        .join("\n\n");
      const params: Params = {
        model: options.model,
        max_tokens: options.maxOutputTokens,
        messages: toAnthropic(request.messages),
        // The stable prefix (system prompt, then tools) is cached: later calls of a run read it at a tenth of the price.
        ...(system ? { system: [{ type: "text", text: system, cache_control: { type: "ephemeral" } }] } : {}),
        ...(request.tools && request.tools.length > 0
          ? {
              tools: request.tools.map((t, i, all) => ({
                name: t.name,
                description: t.description,
                input_schema: t.parameters as Anthropic.Tool.InputSchema,
                ...(i === all.length - 1 ? { cache_control: { type: "ephemeral" as const } } : {}),
              })),
              tool_choice: request.toolChoice ? { type: "tool", name: request.toolChoice } : { type: "auto" },
            }
          : {}),
      };
      let message: Anthropic.Message;
      if (request.onToken) {
        const onToken = request.onToken;
        const stream = sdk.messages.stream(params, { signal });
        stream.on("text", (delta) => onToken(delta));
        message = await stream.finalMessage();
      } else {
        message = await sdk.messages.create(params, { signal });
      }
      return fromAnthropic(message);
    },
  };
}

function toAnthropic(messages: readonly ChatMessage[]): Anthropic.MessageParam[] {
  const out: Anthropic.MessageParam[] = [];
  for (const m of messages) {
    if (m.role === "system") continue;
    if (m.role === "user") out.push({ role: "user", content: m.content });
    else if (m.role === "assistant") {
      const blocks: Anthropic.ContentBlockParam[] = m.content ? [{ type: "text", text: m.content }] : [];
      for (const c of m.toolCalls)
        blocks.push({ type: "tool_use", id: c.id, name: c.name, input: c.args ?? {} });
      out.push({ role: "assistant", content: blocks });
    } else {
      const block: Anthropic.ToolResultBlockParam = {
        type: "tool_result",
        tool_use_id: m.toolCallId,
        content: m.content,
      };
      // Anthropic wants all results of one turn in a single user message.
      const last = out.at(-1);
      if (
        last?.role === "user" &&
        Array.isArray(last.content) &&
        last.content.every((b) => b.type === "tool_result")
      ) {
        last.content.push(block);
      } else out.push({ role: "user", content: [block] });
    }
  }
  return out;
}

function fromAnthropic(message: Anthropic.Message): ChatResponse {
  const toolCalls: ToolCall[] = [];
  let text = "";
  for (const block of message.content) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_use") toolCalls.push({ id: block.id, name: block.name, args: block.input });
  }
  const u = message.usage;
  const cached = u.cache_read_input_tokens ?? 0;
  const cacheWrite = u.cache_creation_input_tokens ?? 0;
  return {
    text,
    toolCalls,
    model: message.model,
    // Anthropic reports cache reads and writes apart from input_tokens; ours counts all input.
    usage: {
      input: u.input_tokens + cached + cacheWrite,
      output: u.output_tokens,
      cached,
      cacheWrite,
    },
  };
}
