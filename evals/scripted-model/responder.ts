import type { ChatCompletionRequest, FixtureResponse } from "@copilotkit/aimock";
import { type JsonSchema, minimalValue } from "./sample.ts";

const ROUTE_TOOL = "route_request";
const SUBMIT_TOOL = "submit_result";
const STOP_WORDS = new Set(
  "about after also each from have into just like more only other over some such than that their them then there these they this what when which while with would your".split(
    " ",
  ),
);

type Message = ChatCompletionRequest["messages"][number];
type Tool = { function: { name: string; parameters?: JsonSchema } };

/**
 * The scripted eval model: a deterministic answer to any chat-completions request, derived only from the
 * request itself. The router's `route_request` call picks the agent whose roster description shares the most
 * words with the user's request (none when no word is shared); an agent's tool loop first calls one of its
 * tools that needs no arguments, then hands in the smallest answer its `submit_result` schema accepts (no
 * proposals). It knows nothing of the eval cases: its scores are a floor any real model should beat.
 */
export function scriptedAnswer(request: ChatCompletionRequest): FixtureResponse {
  const tools = ((request.tools ?? []) as Tool[]).map((t) => t.function);
  const step = request.messages.length;
  const usage = { prompt_tokens: tokensOf(request.messages), completion_tokens: 40 };
  if (tools.some((t) => t.name === ROUTE_TOOL)) {
    const args = routeByOverlap(textOf(request.messages, "system"), userRequest(request.messages));
    return {
      toolCalls: [{ id: `call_route_${step}`, name: ROUTE_TOOL, arguments: JSON.stringify(args) }],
      usage,
    };
  }
  const submit = tools.find((t) => t.name === SUBMIT_TOOL);
  const called = request.messages.some((m) => m.role === "tool");
  const free = tools.find((t) => t.name !== SUBMIT_TOOL && required(t.parameters).length === 0);
  if (!called && free) {
    return { toolCalls: [{ id: `call_${free.name}_${step}`, name: free.name, arguments: "{}" }], usage };
  }
  if (!submit) return { content: "I have nothing to add.", usage };
  const answer = minimalValue(submit.parameters ?? { type: "object" });
  return {
    toolCalls: [{ id: `call_submit_${step}`, name: SUBMIT_TOOL, arguments: JSON.stringify(answer) }],
    usage,
  };
}

/** Picks the roster agent whose description shares the most content words with the request. */
export function routeByOverlap(system: string, request: string): { agents: string[]; reason: string } {
  const words = new Set(contentWords(request));
  let best: { id: string; shared: number } | null = null;
  for (const line of system.split("\n")) {
    const entry = /^- ([a-z][a-z-]*): (.*)$/.exec(line.trim());
    if (!entry?.[1] || entry[2] === undefined) continue;
    const shared = new Set(contentWords(entry[2]).filter((w) => words.has(w))).size;
    if (shared > 0 && (!best || shared > best.shared)) best = { id: entry[1], shared };
  }
  return best
    ? { agents: [best.id], reason: `Its description shares ${best.shared} word(s) with the request.` }
    : { agents: [], reason: "No agent's description shares a word with the request." };
}

/** Lower-case word stems (first five letters) of four letters or more, stop words dropped. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => w.slice(0, 5));
}

function required(schema: JsonSchema | undefined): string[] {
  return Array.isArray(schema?.required) ? (schema.required as string[]) : [];
}

function userRequest(messages: readonly Message[]): string {
  const text = textOf(messages, "user");
  return /<user_request>([\s\S]*?)<\/user_request>/.exec(text)?.[1] ?? text;
}

function textOf(messages: readonly Message[], role: string): string {
  return messages
    .filter((m) => m.role === role)
    .map((m) => contentText(m.content))
    .join("\n");
}

function contentText(content: Message["content"]): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => ("text" in part && typeof part.text === "string" ? part.text : "")).join("");
}

function tokensOf(messages: readonly Message[]): number {
  return Math.ceil(messages.reduce((n, m) => n + contentText(m.content).length, 0) / 4);
}
