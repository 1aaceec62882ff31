import { z } from "zod";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses an ISO 8601 date or time; a date alone is midnight UTC and a time without a zone is read as UTC,
 * so results never depend on the machine's time zone. Null for anything else, including impossible dates.
 */
export function parseIsoTime(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = m;
  const [year, month, dayOfMonth] = [Number(y), Number(mo), Number(d)];
  const calendar = new Date(Date.UTC(year, month - 1, dayOfMonth));
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== dayOfMonth) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const normal = text.trim().replace(" ", "T");
  const at = new Date(m[4] === undefined ? `${y}-${mo}-${d}T00:00:00Z` : zone ? normal : `${normal}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Whether the text is a date with no time of day (used to make `--to 2025-03-31` include that whole day). */
export function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

/** Parses a non-negative decimal amount in currency units ("1234.5") into integer cents, exactly. */
export function parseCents(text: string): { cents: number } | { error: string } {
  const value = text.trim();
  if (value.startsWith("-")) return { error: `amount "${value}" is negative; amounts must be 0 or more` };
  const m = DECIMAL.exec(value);
  if (m === null) {
    if (/^[^\d-]*\d{1,3}\.\d{3}(?!\d)[^\d.,]*$/.test(value))
      return {
        error: `amount "${value}" is not a plain decimal number and is ambiguous: "." before three digits groups thousands in European notation (1234) and marks decimals elsewhere (1.234); write 1234.00 or 1.23`,
      };
    return {
      error: `amount "${value}" is not a plain decimal number; write it like 1234.50 (no currency sign or thousands separator, at most 2 decimals)`,
    };
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return { error: `amount "${value}" is too large` };
  return { cents };
}

/** Trimmed text, or null when empty. */
export const optionalText = z.string().transform((v) => (v.trim() === "" ? null : v.trim()));

/** Trimmed text that must not be empty. */
export function requiredText(column: string) {
  return z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v !== "", { message: `${column} is empty; it is required` });
}

/** A required ISO 8601 time column, as a Date. */
export function isoTime(column: string) {
  return z.string().transform((v, ctx) => {
    const at = parseIsoTime(v);
    if (at !== null) return at;
    ctx.addIssue({ code: "custom", message: timeProblem(column, v) });
    return z.NEVER;
  });
}

/** An optional ISO 8601 time column: empty gives null. */
export function optionalIsoTime(column: string) {
  return z.string().transform((v, ctx): Date | null => {
    if (v.trim() === "") return null;
    const at = parseIsoTime(v);
    if (at !== null) return at;
    ctx.addIssue({ code: "custom", message: timeProblem(column, v) });
    return z.NEVER;
  });
}

function timeProblem(column: string, value: string): string {
  const example = "write it like 2025-03-31 or 2025-03-31T14:00:00Z";
  return value.trim() === ""
    ? `${column} is empty; it is required (ISO 8601: ${example})`
    : `${column} "${value.trim()}" is not an ISO 8601 time; ${example}`;
}

/** A `true`/`false` column (any case); empty counts as false. */
export function flag(column: string) {
  return z.string().transform((v, ctx) => {
    const value = v.trim().toLowerCase();
    if (value === "" || value === "false") return false;
    if (value === "true") return true;
    ctx.addIssue({ code: "custom", message: `${column} "${v.trim()}" is not true or false` });
    return z.NEVER;
  });
}

/** A non-negative whole number column; empty gives null. */
export function optionalCount(column: string) {
  return z.string().transform((v, ctx) => {
    const value = v.trim();
    if (value === "") return null;
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      ctx.addIssue({ code: "custom", message: `${column} "${v.trim()}" is not a whole number of 0 or more` });
      return z.NEVER;
    }
    return Number(value);
  });
}
