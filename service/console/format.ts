import { html } from "hono/html";

/** A span of time since `iso` in words ("3 h", "2 days"), for how long something has waited. */
export function waited(iso: string, now: number = Date.now()): string {
  const ms = Math.max(0, now - Date.parse(iso));
  const min = Math.floor(ms / 60_000);
  if (min < 1) return "under a minute";
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** A money amount in currency units as whole dollars. */
export function money(units: number | null): string {
  return units === null ? "—" : `$${Math.round(units).toLocaleString("en-US")}`;
}

/** A fraction as a percentage with one decimal. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** An ISO time as "2026-11-01 09:30 UTC". */
export function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "—";
}

/** A coloured badge for a status or decision word. */
export function badge(word: string) {
  const tone = /^(allow|approved|edited|completed|executed|closed|ok|ready|llm)$/.test(word)
    ? "good"
    : /^(suppress|rejected|failed|dead_lettered|open|error|escalate|discarded)$/.test(word)
      ? "bad"
      : /^(defer|waiting_approval|pending|half_open|running|queued|fallback|playbook)$/.test(word)
        ? "warn"
        : "plain";
  return html`<span class="badge ${tone}">${word.replaceAll("_", " ")}</span>`;
}
