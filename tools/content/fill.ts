import { createHash } from "node:crypto";
import { type ContentFinding, unbackedFindings } from "../../domain/content/index.ts";

/** The short content hash the guard uses for duplicates: sha256 of template id and body, 16 hex chars. */
export function contentHash(templateId: string, body: string): string {
  return createHash("sha256").update(`${templateId}\n${body}`).digest("hex").slice(0, 16);
}

/** Fills `{{key}}` slots from facts; returns the text and the keys it could not fill. */
export function fillPlaceholders(
  text: string,
  facts: Readonly<Record<string, string | undefined>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (_, key: string) => {
    const value = facts[key];
    if (value === undefined || value === "") {
      missing.add(key);
      return "";
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}

/** A template's subject and body filled from facts, with the facts it lacked and the findings no template backs. */
export interface FilledTemplate {
  subject: string;
  body: string;
  missing: string[];
  /** Claims or instruction-like text present in the draft but not in the template: the draft must not go out. */
  unbacked: ContentFinding[];
}

/** Fills a subject and body, then checks the result for claims or instructions the template itself does not make. */
export function fillTemplate(
  template: { readonly subject: string; readonly body: string },
  facts: Readonly<Record<string, string | undefined>>,
): FilledTemplate {
  const subject = fillPlaceholders(template.subject, facts);
  const body = fillPlaceholders(template.body, facts);
  return {
    subject: subject.text,
    body: body.text,
    missing: [...new Set([...subject.missing, ...body.missing])],
    unbacked: unbackedFindings(`${subject.text}\n${body.text}`, `${template.subject}\n${template.body}`),
  };
}
