import { DEFAULT_FIT_RULES, type FitFacts, type FitRule, type FitRules } from "./fit-rules.ts";

/** One rule that matched, with the fact it matched on. */
export interface FitMatch {
  type: FitRule["type"];
  label: string;
  points: number;
  value: string;
}

/** The fit score (0–100) and the rules that made it. */
export interface FitBreakdown {
  score: number;
  matches: FitMatch[];
}

/** Scores fit against ICP rules: the first matching rule of each type adds its points; the sum is kept in 0–100. */
export function fitBreakdown(facts: FitFacts, rules: FitRules = DEFAULT_FIT_RULES): FitBreakdown {
  const matches: FitMatch[] = [];
  const done = new Set<FitRule["type"]>();
  for (const rule of rules) {
    if (done.has(rule.type)) continue;
    const value = matchedValue(rule, facts);
    if (value === null) continue;
    done.add(rule.type);
    matches.push({ type: rule.type, label: rule.label, points: rule.points, value });
  }
  const total = matches.reduce((sum, m) => sum + m.points, 0);
  return { score: Math.min(100, Math.max(0, total)), matches };
}

/**
 * The points the first matching title rule gives `title`, or null when none matches: what `title` adds to
 * `fitBreakdown` of the same facts without a title (the rule types add independently). For scoring many
 * titles against one account without re-reading every rule for each.
 */
export function titlePoints(title: string, rules: FitRules = DEFAULT_FIT_RULES): number | null {
  if (!title) return null;
  const words = wordsOf(title);
  for (const rule of titleRulesOf(rules))
    if (rule.phrases.some((phrase) => containsPhrase(words, phrase))) return rule.points;
  return null;
}

// The title rules of a rule list with their keywords split into words, derived once per list.
const titleRules = new WeakMap<FitRules, { points: number; phrases: string[][] }[]>();

function titleRulesOf(rules: FitRules): { points: number; phrases: string[][] }[] {
  let derived = titleRules.get(rules);
  if (!derived) {
    derived = rules.flatMap((r) =>
      r.type === "title" ? [{ points: r.points, phrases: r.keywords.map(wordsOf) }] : [],
    );
    titleRules.set(rules, derived);
  }
  return derived;
}

/** The fit score alone, 0–100. */
export function fitScore(facts: FitFacts, rules: FitRules = DEFAULT_FIT_RULES): number {
  return fitBreakdown(facts, rules).score;
}

// The fact a rule matched, as text for reasons; null when it does not match.
function matchedValue(rule: FitRule, facts: FitFacts): string | null {
  switch (rule.type) {
    case "industry":
      return oneOf(facts.industry, rule.anyOf);
    case "country":
      return oneOf(facts.country, rule.anyOf);
    case "title": {
      if (!facts.title) return null;
      const words = wordsOf(facts.title);
      return rule.keywords.some((k) => containsPhrase(words, wordsOf(k))) ? facts.title.trim() : null;
    }
    case "employees": {
      const n = facts.employees;
      if (n === null || n === undefined || !Number.isFinite(n)) return null;
      const inBand = (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max);
      return inBand ? `${n} employees` : null;
    }
  }
}

function oneOf(fact: string | null | undefined, anyOf: readonly string[]): string | null {
  if (!fact) return null;
  const wanted = normal(fact);
  return wanted !== "" && anyOf.some((v) => normal(v) === wanted) ? fact.trim() : null;
}

function normal(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((p, j) => words[i + j] === p)) return true;
  }
  return false;
}
