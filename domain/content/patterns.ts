/** The commercial claims copy must never make unless its template already does. */
export const CLAIM_KINDS = ["percent", "discount", "guarantee", "free", "roi", "price"] as const;

/** One kind of commercial claim. */
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** What each claim kind looks like in text (case-insensitive, matched on NFKC-normalised text). */
export const CLAIM_PATTERNS: Readonly<Record<ClaimKind, readonly RegExp[]>> = {
  percent: [/\d\s*%/i, /%\s*\d/i, /\bper\s?cent\b/i],
  discount: [/\bdiscount(s|ed|ing)?\b/i, /\d\s*%?\s*off\b/i, /\bcoupon\b/i, /\bpromo(tion)?\s*code\b/i],
  guarantee: [
    /\bguarant(ee|ees|eed|eeing|y)\b/i,
    /\bwarrant(y|ies|ed)\b/i,
    /\bmoney[\s-]*back\b/i,
    /\b(risk|obligation)[\s-]*free\b/i,
  ],
  free: [/\bfree\b/i, /\bno[\s-]+(cost|charge)\b/i, /\bcomplimentary\b/i],
  roi: [
    /\broi\b/i,
    /\breturn\s+on\s+investment\b/i,
    /\b\d+(\.\d+)?\s*x\s+(return|revenue|pipeline|growth)\b/i,
  ],
  price: [
    /\b(price[ds]?|pricing)\b/i,
    /[$€£¥]\s*\d/,
    /\b\d[\d,.]*\s*(usd|eur|gbp|dollars?|euros?|pounds)\b/i,
    /\bcheap(er|est)?\b/i,
  ],
};

/** Text that reads as an instruction to a model or a reader rather than as data. */
export const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  // No leading \b on the verbs: "Adisregard" still reads as "disregard" to a reader or a model.
  /(ignore|disregard|forget|override|bypass).{0,60}\b(instructions?|prompts?|rules|guidelines|directions|context)\b/i,
  /ignore\s+(all|any|the|previous|prior|above|everything|that)\b/i,
  /disregard/i,
  /\b(system|assistant|developer)\s*:/i,
  /\byou\s+(are|must|should|will|shall)\b/i,
  /\bact\s+as\b/i,
  /\bpretend\b/i,
  /\b(new|updated|hidden|real)\s+instructions?\b/i,
  /\binstructions?\s*:/i,
  /\bpromis(e|es|ed|ing)\b/i,
  /\b(tell|assure|inform)\s+(them|the\s+(customer|client|recipient|reader|prospect))\b/i,
];

/** A finding in text: an instruction-like phrase or a claim of one kind. */
export type ContentFinding = "instruction" | `claim_${ClaimKind}`;

/** Every pattern with the finding it signals, instructions first. */
export const FINDING_PATTERNS: ReadonlyArray<readonly [ContentFinding, RegExp]> = [
  ...INSTRUCTION_PATTERNS.map((re) => ["instruction", re] as const),
  ...CLAIM_KINDS.flatMap((kind) => CLAIM_PATTERNS[kind].map((re) => [`claim_${kind}`, re] as const)),
];

/**
 * Text as the patterns see it: NFKC (full-width "５０％" becomes "50%"), underscores as spaces, and a space
 * wherever letters and digits touch, so "0FREE" or "no cost0" cannot slip past a word boundary.
 */
export function patternText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/_/g, " ")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2");
}

/** The findings in a text, each once, in the order of FINDING_PATTERNS. */
export function findingsIn(text: string): ContentFinding[] {
  const normal = patternText(text);
  return [...new Set(FINDING_PATTERNS.filter(([, re]) => re.test(normal)).map(([finding]) => finding))];
}

/** How often one pattern matches a text (non-overlapping). */
export function countMatches(pattern: RegExp, text: string): number {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  return [...patternText(text).matchAll(global)].length;
}
