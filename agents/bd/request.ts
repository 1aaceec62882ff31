import { accountKey, contactKey } from "../../domain/keys.ts";
import type { AgentRequest } from "../agent.ts";

/** The first email address in a text, lower-cased, or undefined. */
export function emailIn(text: string): string | undefined {
  const found = text.match(/[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-z]{2,}/i)?.[0];
  return found ? (contactKey(found) ?? undefined) : undefined;
}

/** Company domains named in a text (not inside an email), deduplicated, in order. */
export function domainsIn(text: string): string[] {
  const found = text.match(/(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi) ?? [];
  return [...new Set(found.map((t) => accountKey(t)).filter((d): d is string => d !== null))];
}

/** Company names a text points at: possessives ("Acme's") and capitalised words after to/at/for/with/on. */
export function accountWordsIn(text: string): string[] {
  const words = [
    ...[...text.matchAll(/\b([A-Z][\w&-]+)(?:'s|’s)\b/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\b(?:to|at|for|with|on|from)\s+([A-Z][\w&-]+)/g)].map((m) => m[1]!),
  ];
  return [...new Set(words)];
}

/** Role words and the title words they stand for: "CFO" finds "Chief Financial Officer". */
const ROLE_SYNONYMS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\bceo\b|chief executive/i, /\bceo\b|chief executive/i],
  [/\bcfo\b|chief financial|finance/i, /\bcfo\b|chief financial|finance/i],
  [/\bcto\b|chief technology/i, /\bcto\b|chief technology/i],
  [/\bcmo\b|chief marketing/i, /\bcmo\b|chief marketing/i],
  [/\bcro\b|chief revenue/i, /\bcro\b|chief revenue/i],
  [/\bcoo\b|chief operating/i, /\bcoo\b|chief operating/i],
  [/\bvp\b|vice president/i, /\bvp\b|vice president/i],
  [/\bprocurement\b|\bbuyer\b/i, /\bprocurement\b|\bbuyer\b/i],
  [/\bmarketing\b/i, /\bmarketing\b/i],
  [/\bsales\b/i, /\bsales\b/i],
  [/\boperations\b|\bops\b/i, /\boperations\b|\bops\b/i],
];

/** A test on titles for the role a text names ("Acme's CFO"), or null when it names none. */
export function roleMatcher(text: string): ((title: string | null) => boolean) | null {
  const hit = ROLE_SYNONYMS.find(([asked]) => asked.test(text));
  if (!hit) return null;
  return (title) => title !== null && hit[1].test(title);
}

/** A short description of what started the run, for artefacts. */
export function triggerOf(request: AgentRequest): string {
  if (request.kind === "chat") return `chat: "${request.text.slice(0, 120)}"`;
  if (request.kind === "play") return `play ${request.play}`;
  return `event ${request.event.event_type} on ${request.event.entity_type} ${request.event.entity_id}`;
}

/** A number field of an event's data, or undefined. */
export function dataNumber(data: Record<string, unknown> | undefined, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = data?.[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
      return Number(value);
  }
  return undefined;
}
