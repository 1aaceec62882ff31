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

/** A currency code or sign before or after the number, and a minus on either side of a leading one. */
const MONEY = /^(-)?\s*(?:[A-Z]{3}\s*)?[$€£¥]?\s*(-)?\s*(\d[\d.,' \u00a0\u202f]*?)\s*(?:[$€£¥]|[A-Z]{3})?$/;
const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(?:${sep === "." ? "\\." : sep}\\d{3})+$`);

/**
 * The digits of an amount written with thousands separators and a decimal mark, as a plain decimal, or null when
 * it cannot be read or is ambiguous. The rule (runtime/import/FORMAT.md): spaces (also no-break), `'` and, when
 * both `.` and `,` appear, the earlier of them group thousands in threes and the later is the decimal mark
 * (`1.234,56`, `1,234.56`, `1 234,56`); a lone `.` or `,` followed by 1 or 2 digits is the decimal mark
 * (`1234,5`); `,` groups of three alone group thousands (`12,500`, as US-format exports write); `.` groups of three
 * alone are thousands only when there are two or more (`1.234.567`): a single `1.234` is ambiguous and refused.
 */
function decimalOf(number: string): string | null {
  const spaced = number.split(/[ '\u00a0\u202f]/);
  if (spaced.length > 1 && !spaced.slice(1).every((g) => /^\d{3}(?:[.,]\d{1,2})?$/.test(g))) return null;
  const n = spaced.join("");
  if (/^\d+$/.test(n)) return n;
  const lastDot = n.lastIndexOf(".");
  const lastComma = n.lastIndexOf(",");
  if (lastDot !== -1 && lastComma !== -1) {
    const [group, mark] = lastDot > lastComma ? [",", "."] : [".", ","];
    const cut = n.lastIndexOf(mark);
    const whole = n.slice(0, cut);
    const fraction = n.slice(cut + 1);
    if (!/^\d{1,2}$/.test(fraction) || !GROUPED(group).test(whole)) return null;
    return `${whole.replaceAll(group, "")}.${fraction}`;
  }
  const mark = lastDot !== -1 ? "." : ",";
  const single = new RegExp(`^(\\d+)\\${mark}(\\d{1,2})$`).exec(n);
  if (single) return `${single[1]}.${single[2]}`;
  if (!GROUPED(mark).test(n)) return null;
  if (mark === "." && n.split(".").length === 2) return null;
  return n.replaceAll(mark, "");
}

/**
 * Rewrites an export's money (`$48,000.00`, `USD 48,000`, `1.234,56 €`, `€1 234,56`) as a plain decimal
 * (`48000.00`, `1234.56`); a negative, unreadable or ambiguous amount (`1.234 €`) passes through so the row check
 * refuses it with its reason.
 */
export function plainAmount(text: string): string {
  const value = text.trim();
  const m = MONEY.exec(value);
  if (m === null) return value;
  const [, minus, innerMinus, number = ""] = m;
  const decimal = decimalOf(number.trim());
  return decimal === null ? value : `${minus ?? innerMinus ?? ""}${decimal}`;
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
