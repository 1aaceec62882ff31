import type { EventType, GrowthEvent } from "../../domain/events.ts";
import type { AgentRequest } from "../agent.ts";

/** The event of a request when it is one of the given types, else null. */
export function eventOf(request: AgentRequest, ...types: EventType[]): GrowthEvent | null {
  if (request.kind !== "event") return null;
  return types.length === 0 || types.includes(request.event.event_type) ? request.event : null;
}

/** A string field of an event's data, trimmed, or undefined. */
export function dataString(event: GrowthEvent | null, key: string): string | undefined {
  const value = event?.data[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A non-negative whole-number field of an event's data, or undefined. */
export function dataCents(event: GrowthEvent | null, key: string): number | undefined {
  const value = event?.data[key];
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The free text of a request: the chat turn, an event's goal/brief, or the play's name. */
export function requestText(request: AgentRequest): string {
  if (request.kind === "chat") return request.text;
  if (request.kind === "play") return request.play.replaceAll("-", " ");
  const goal = dataString(request.event, "goal") ?? dataString(request.event, "brief") ?? "";
  return `${request.event.event_type.replaceAll("_", " ")} ${goal}`.trim();
}

/** A short description of what started the run, for artefacts and summaries. */
export function describeRequest(request: AgentRequest): string {
  if (request.kind === "chat") return `chat: "${request.text.slice(0, 120)}"`;
  if (request.kind === "play") return `play ${request.play}`;
  return `event ${request.event.event_type} on ${request.event.entity_type} ${request.event.entity_id}`;
}

/** Whether a request asks for a campaign to be planned. */
export function asksForCampaign(request: AgentRequest): boolean {
  if (request.kind === "play") return request.play === "weekly-campaign-optimisation";
  if (request.kind === "event")
    return request.event.event_type === "campaign_requested" || request.event.data.plan_campaign === true;
  return /\bcampaigns?\b/i.test(request.text);
}

/** Whether a request asks for one bulk send instead of batches. */
export function asksForBulk(request: AgentRequest): boolean {
  if (request.kind === "event") return request.event.data.bulk === true;
  return /\bbulk\b|\ball at once\b/i.test(requestText(request));
}

/** A money amount in a text ("$40k", "$25,000", "12000 usd", "€3.5m") as cents, or undefined. */
export function parseMoneyCents(text: string): number | undefined {
  const m =
    /[$€£]\s*(\d[\d,]*(?:\.\d+)?)\s*([km])?\b/i.exec(text) ??
    /\b(\d[\d,]*(?:\.\d+)?)\s*([km])?\s*(?:usd|eur|gbp|dollars)\b/i.exec(text);
  if (!m) return undefined;
  const scale = m[2]?.toLowerCase() === "k" ? 1_000 : m[2]?.toLowerCase() === "m" ? 1_000_000 : 1;
  const amount = Number(m[1]!.replaceAll(",", "")) * scale;
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount * 100) : undefined;
}

/** The campaign channels marketing plans with, and words that name them in free text. */
export const CHANNEL_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ["webinar", /\bwebinars?\b/i],
  ["linkedin", /\blinked\s?in\b/i],
  ["paid_search", /\b(paid search|ppc|search ads?|adwords)\b/i],
  ["paid_social", /\b(paid social|social ads?|retargeting)\b/i],
  ["events", /\b(events?|conference|summit|booth)\b/i],
  ["content", /\b(ebook|e-book|report|guide|whitepaper|content)\b/i],
  ["email", /\b(e-?mail|newsletter|nurture)\b/i],
];

/** The first campaign channel a text names, or undefined. */
export function channelInText(text: string): string | undefined {
  return CHANNEL_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** The first of `names` that a text mentions as a whole word, ignoring case. */
export function mentioned(text: string, names: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return names.find((n) =>
    new RegExp(`\\b${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(lower),
  );
}

/** The e-mail addresses a text names, lower-cased, in order of first mention. */
export function emailsIn(text: string): string[] {
  const found = text.toLowerCase().match(/[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g) ?? [];
  return [...new Set(found.map((e) => e.replace(/^[._%+-]+/, "")))];
}

/**
 * The campaign a text names explicitly, by id or by its exact name (case and spacing aside, as whole words),
 * or undefined; when several match, the longest mention wins ("Spring nurture 2" over "Spring nurture").
 */
export function namedCampaign<C extends { id: string; name: string }>(
  text: string,
  campaigns: readonly C[],
): C | undefined {
  const hay = ` ${text.toLowerCase().replace(/\s+/g, " ")} `;
  const says = (words: string) => {
    const w = words.toLowerCase().replace(/\s+/g, " ").trim();
    if (w === "") return 0;
    const re = new RegExp(`(?<![a-z0-9-])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z0-9-])`);
    return re.test(hay) ? w.length : 0;
  };
  let best: C | undefined;
  let bestLength = 0;
  for (const c of campaigns) {
    const length = Math.max(says(c.id), says(c.name));
    if (length > bestLength) [best, bestLength] = [c, length];
  }
  return best;
}

/** A lower-case slug of a text: letters and digits joined by single dashes, at most 40 characters. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

/** The UTC date of a time as YYYYMMDD, for ids that are stable within a day. */
export function ymd(at: Date): string {
  return at.toISOString().slice(0, 10).replaceAll("-", "");
}

/** Formats cents as whole dollars for people: 1234500 → "$12,345". */
export function dollars(cents: number): string {
  return `$${Math.round(cents / 100).toLocaleString("en-US")}`;
}

/** Formats a relative change as a signed percentage: -0.4 → "-40%". */
export function percent(change: number): string {
  const p = Math.round(change * 1000) / 10;
  return `${p > 0 ? "+" : ""}${p}%`;
}
