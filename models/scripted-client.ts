import type { ChatClient, ChatRequest, ChatResponse, ToolCall } from "./client.ts";
import type { Provider } from "./spec.ts";

/** One scripted turn: an answer, an error to throw, or a function of the request. */
export type ScriptedTurn =
  | { text?: string; toolCalls?: ToolCall[]; usage?: ChatResponse["usage"] }
  | Error
  | ((request: ChatRequest) => ChatResponse | Promise<ChatResponse>);

/** A fake chat client that plays turns in order and keeps every request; shared by tests and evals. */
export function scriptedClient(
  turns: readonly ScriptedTurn[],
  options: { provider?: Provider; model?: string } = {},
): ChatClient & { readonly requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  const provider = options.provider ?? "openai";
  const model = options.model ?? "scripted";
  return {
    provider,
    model,
    requests,
    async chat(request) {
      requests.push(request);
      const turn = turns[requests.length - 1];
      if (turn === undefined) throw new Error(`The script has no turn ${requests.length}.`);
      if (turn instanceof Error) throw turn;
      if (typeof turn === "function") return turn(request);
      const response: ChatResponse = {
        text: turn.text ?? "",
        toolCalls: turn.toolCalls ?? [],
        usage: turn.usage ?? { input: 0, output: 0, cached: 0 },
        model,
      };
      if (response.text) request.onToken?.(response.text);
      return response;
    },
  };
}
