import { z } from "zod";
import { checkField, type FieldKind, type FieldReason, neutralWording } from "../../domain/content/index.ts";

/** Why a CRM field was not placed in copy as it stands: the field, the reasons, and what was used instead. */
export const FieldWarning = z
  .object({
    field: z.string().describe('The placeholder, e.g. "contact.title"'),
    reasons: z
      .array(z.string())
      .describe("Why the value was unsafe (too_long, instruction, claim_percent, …)"),
    fallback: z
      .enum(["neutral", "omitted"])
      .describe("neutral: generic wording was used; omitted: the field counted as missing"),
  })
  .describe("A CRM value kept out of copy; it names the field and the reasons, never the value itself");
export type FieldWarning = z.infer<typeof FieldWarning>;

/** One raw CRM value for a placeholder, with the kind that decides its checks. */
export interface RawFact {
  readonly kind: FieldKind;
  readonly value: string | null | undefined;
  /** For a company name: the registrable domain whose label stands in when the name is unsafe. */
  readonly domain?: string | null;
}

/** Facts ready for a template, and a warning for each raw value that could not be used as it stands. */
export interface SafeFacts {
  facts: Record<string, string | undefined>;
  warnings: FieldWarning[];
}

/**
 * Checks each raw CRM value before it can reach copy: safe values pass (trimmed, one line), unsafe ones are
 * replaced by neutral wording where the kind has one, or left out so the template refuses rather than guesses.
 */
export function safeFacts(raw: Readonly<Record<string, RawFact>>): SafeFacts {
  const facts: Record<string, string | undefined> = {};
  const warnings: FieldWarning[] = [];
  for (const [field, { kind, value, domain }] of Object.entries(raw)) {
    const verdict = checkField(kind, value);
    if (verdict.status === "safe") facts[field] = verdict.value;
    if (verdict.status !== "unsafe") continue;
    const neutral = neutralWording(kind, domain);
    facts[field] = neutral;
    warnings.push({
      field,
      reasons: [...verdict.reasons] satisfies FieldReason[],
      fallback: neutral ? "neutral" : "omitted",
    });
  }
  return { facts, warnings };
}

/** A sentence naming the missing fields that were kept out as unsafe, with reasons (never values); "" when none. */
export function unsafeNote(missing: readonly string[], warnings: readonly FieldWarning[]): string {
  const unsafe = warnings.filter((w) => missing.includes(w.field));
  if (unsafe.length === 0) return "";
  return ` Kept out as unsafe CRM text: ${unsafe.map((w) => `${w.field} (${w.reasons.join(", ")})`).join("; ")}.`;
}
