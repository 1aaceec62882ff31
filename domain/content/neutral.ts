import { checkField, type FieldKind } from "./field-safety.ts";

/** Neutral wording for a title that cannot be shown: it reads in "As … at Acme" and "your role as …". */
export const NEUTRAL_TITLE = "a member of the team";

/** Neutral wording for a company whose name cannot be shown and whose domain gives no usable label. */
export const NEUTRAL_COMPANY = "your company";

/**
 * The neutral wording that replaces an unsafe field of a kind, or undefined when the kind has none (the field
 * then counts as missing, so the template refuses instead of guessing). A company falls back to its registrable
 * domain's first label ("acme.co.uk" → "Acme").
 */
export function neutralWording(kind: FieldKind, accountDomain?: string | null): string | undefined {
  if (kind === "title") return NEUTRAL_TITLE;
  if (kind !== "company_name") return undefined;
  const label = accountDomain?.trim().toLowerCase().split(".")[0] ?? "";
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  const verdict = checkField("company_name", name);
  return verdict.status === "safe" ? verdict.value : NEUTRAL_COMPANY;
}
