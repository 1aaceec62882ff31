/** How an export writes calendar dates: ISO (`2026-03-31`), month first (`3/31/2026`) or day first (`31/3/2026`). */
export type DateOrder = "iso" | "mdy" | "dmy";

const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * Rewrites an export's date or date-time (`3/31/2026`, `3/31/2026 2:05 PM`) as ISO 8601 in UTC, which the
 * import's own format reads; ISO input and anything unreadable pass through unchanged so the row check
 * reports them.
 */
export function isoDate(text: string, order: DateOrder): string {
  const value = text.trim();
  const m = SLASHED.exec(value);
  if (m === null || order === "iso") return value;
  const [, a = "", b = "", year = "", h, mi, s, half] = m;
  const [month, day] = order === "mdy" ? [a, b] : [b, a];
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (h === undefined) return date;
  let hour = Number(h);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return value;
    hour = (hour % 12) + (half.toLowerCase() === "pm" ? 12 : 0);
  }
  return `${date}T${String(hour).padStart(2, "0")}:${mi}:${s ?? "00"}Z`;
}

const MONEY = /^(-)?\s*(?:[A-Z]{3}\s*)?[$€£¥]?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:[A-Z]{3})?$/;

/**
 * Rewrites an export's money (`$48,000.00`, `USD 48,000`, `48000`) as a plain decimal (`48000.00`); a
 * negative or unreadable amount passes through so the row check refuses it with its usual reason.
 */
export function plainAmount(text: string): string {
  const value = text.trim();
  const m = MONEY.exec(value);
  if (m === null) return value;
  const [, minus, innerMinus, whole = "", fraction = ""] = m;
  return `${minus ?? innerMinus ?? ""}${whole.replaceAll(",", "")}${fraction}`;
}

/** A whole number with thousands separators (`1,200`) as plain digits; other text passes through. */
export function plainCount(text: string): string {
  const value = text.trim();
  return /^\d{1,3}(?:,\d{3})+$/.test(value) ? value.replaceAll(",", "") : value;
}

/** A checkbox as exports write it (`Yes`, `1`, `TRUE`, `checked`) as `true`/`false`; other text passes through. */
export function plainFlag(text: string): string {
  const value = text.trim().toLowerCase();
  if (["true", "yes", "y", "1", "checked"].includes(value)) return "true";
  if (["false", "no", "n", "0", "unchecked"].includes(value)) return "false";
  return text;
}

/** A picklist value as compared with a map's keys: case, spacing, `_` and `-` ignored. */
export function pickKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}
