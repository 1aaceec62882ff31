import { type ContentFinding, findingsIn } from "./patterns.ts";

/** The kinds of CRM field that may be placed in copy, each with its own length cap. */
export const FIELD_KINDS = [
  "first_name",
  "last_name",
  "title",
  "company_name",
  "industry",
  "country",
  "campaign_name",
  "opportunity_name",
  "short_text",
] as const;

/** One kind of CRM field. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The longest value of each kind that copy accepts, in characters after trimming. */
export const FIELD_MAX_LENGTH: Readonly<Record<FieldKind, number>> = {
  first_name: 40,
  last_name: 60,
  title: 80,
  company_name: 80,
  industry: 40,
  country: 56,
  campaign_name: 100,
  opportunity_name: 100,
  short_text: 80,
};

/** Why a field value may not be placed in copy. */
export type FieldReason =
  | "too_long"
  | "control_character"
  | "markup"
  | "url"
  | "email_address"
  | ContentFinding;

/** The verdict on one field value: missing, safe (with the value to use), or unsafe with every reason. */
export type FieldVerdict =
  | { readonly status: "missing" }
  | { readonly status: "safe"; readonly value: string }
  | { readonly status: "unsafe"; readonly reasons: readonly FieldReason[] };

const MARKUP = [/[<>{}`\\]/, /\]\(/, /\*\*|__|##|\|>|<\|/];
const URL = [/\b[a-z][a-z0-9+.-]*:\/\//i, /\bwww\./i, /\b[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*/i];
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** True for C0/C1 controls (tabs and newlines included) and invisible or direction-changing format characters. */
export function isControlCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff
  );
}

/** Decides whether a CRM value of a kind is safe to place in outgoing copy; CRM text is data, never instructions. */
export function checkField(kind: FieldKind, raw: string | null | undefined): FieldVerdict {
  if (raw === null || raw === undefined) return { status: "missing" };
  const value = raw
    .normalize("NFKC")
    .trim()
    .replace(/[ \u00a0]+/g, " ");
  if (value === "") return { status: "missing" };
  const reasons: FieldReason[] = [];
  if (value.length > FIELD_MAX_LENGTH[kind]) reasons.push("too_long");
  if ([...value].some((ch) => isControlCharacter(ch.codePointAt(0)!))) reasons.push("control_character");
  if (MARKUP.some((re) => re.test(value))) reasons.push("markup");
  if (URL.some((re) => re.test(value))) reasons.push("url");
  if (EMAIL.test(value)) reasons.push("email_address");
  reasons.push(...findingsIn(value));
  return reasons.length > 0 ? { status: "unsafe", reasons } : { status: "safe", value };
}
