import { type ContentFinding, countMatches, FINDING_PATTERNS } from "./patterns.ts";

const PLACEHOLDER = /\{\{\s*[a-z_.]+\s*\}\}/g;

/**
 * The findings (claims and instruction-like text) a rendered draft has more often than its template does: these
 * came from filled-in data, so the draft must not be proposed. Empty when the draft is clean.
 */
export function unbackedFindings(rendered: string, template: string): ContentFinding[] {
  // Placeholders become line breaks so template text on either side cannot join into a match.
  const own = template.replace(PLACEHOLDER, "\n");
  const found = FINDING_PATTERNS.filter(([, re]) => countMatches(re, rendered) > countMatches(re, own));
  return [...new Set(found.map(([finding]) => finding))];
}
