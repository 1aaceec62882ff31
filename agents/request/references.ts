import { accountWordsIn, domainsIn } from "../bd/request.ts";

/** Role words a reference may use: "the CFO of X", "X's VP Sales", "the head of finance at x.com". */
const ROLE =
  "(?:chief\\s+\\w+\\s+officer|c[a-z]o|vp(?:\\s+(?:of\\s+)?\\w+)?|vice\\s+president(?:\\s+of\\s+\\w+)?|head\\s+of\\s+\\w+|" +
  "director(?:\\s+of\\s+\\w+)?|founder|president|buyer|procurement\\s+lead|\\w+\\s+manager|\\w+\\s+lead)";
/** A company as a request names it: a run of capitalised words ("Waters Advisory", "Acme & Co"). */
const NAME = "([A-Z][\\w&.-]*(?:\\s+(?:&\\s+)?[A-Z][\\w&.-]*){0,3})";

/**
 * The accounts a request points at, most specific first: domains, then "ROLE of/at NAME", then "NAME's ROLE"
 * (each also without its leading words, so "Ask Waters Advisory's CFO" still finds "Waters Advisory"), then
 * capitalised words after to/at/for/with/on/from. "the CFO of X", "X's CFO" and "CFO at x.com" so resolve
 * the same contact.
 */
export function accountReferences(text: string): string[] {
  const found: string[] = [...domainsIn(text)];
  const roleOf = new RegExp(`\\b${ROLE}\\s+(?:of|at|from|with)\\s+(?:the\\s+)?${NAME}`, "gi");
  for (const m of text.matchAll(roleOf)) found.push(...withoutLeadingWords(m[1]!));
  // Case matters for the name, so the role after a possessive is any word; the caller matches the role.
  const possessive = new RegExp(`${NAME}(?:'s|’s)\\s+\\w`, "g");
  for (const m of text.matchAll(possessive)) found.push(...withoutLeadingWords(m[1]!));
  found.push(...accountWordsIn(text));
  return [...new Set(found.map((f) => f.trim()).filter((f) => f.length >= 2 && /^[A-Za-z0-9]/.test(f)))];
}

/** "Ask Waters Advisory" → ["Ask Waters Advisory", "Waters Advisory", "Advisory"]. */
function withoutLeadingWords(name: string): string[] {
  const words = name.trim().split(/\s+/);
  return words.map((_, i) => words.slice(i).join(" ")).filter((w) => !/^&/.test(w));
}

/** Whether a request asks to follow up (rather than open): "follow up", "follow-up", "chase", "check in". */
export function asksForFollowUp(text: string): boolean {
  return /\bfollow[- ]?ups?\b|\bchase\b|\bcheck[- ]in\b|\bnudge\b|\bre-?engage\b/i.test(text);
}
