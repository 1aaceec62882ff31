import type { AgentId } from "../domain/agents.ts";

/** What the matcher knows of an agent: its words. */
export interface IntentProfile {
  readonly id: AgentId;
  readonly description: string;
  readonly examples: readonly string[];
  readonly keywords: readonly string[];
}

/** One agent's score and the terms that earned it (keyword phrases joined with a space). */
export interface IntentScore {
  agent: AgentId;
  score: number;
  /** Matched keyword terms and phrases, each worth double. */
  strong: string[];
  /** Matched terms of its examples and description. */
  weak: string[];
}

/** The matcher's verdict: agents to run (best first) with every agent's score and evidence. */
export interface IntentMatch {
  readonly agents: AgentId[];
  readonly scores: IntentScore[];
}

/** Options of the matcher; the defaults suit the ten agents. */
export interface IntentOptions {
  /** Least score an agent needs to run. */
  minScore?: number;
  /** Share of the best score another agent needs to run alongside it. */
  ratio?: number;
  /** Most agents one request runs. */
  maxAgents?: number;
}

const STOP = new Set(
  (
    "a about an and are as at be by can could do does for from get give has have hello hey hi how i in is it just " +
    "let me my of on or our please should show some tell thank thanks that the their them then there this to us " +
    "we what when which who why will with would you your week"
  ).split(" "),
);

/** Words whose stem would mean something else ("marketing" is not "market"). */
const KEEP = new Set(["marketing"]);

/** Lower-cased word stems of a text in order, stop words dropped; a crude stemmer is enough for routing. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w) && w.length > 1).map(stem);
}

function stem(word: string): string {
  if (KEEP.has(word)) return word;
  return word
    .replace(/(ings|ing|ies|ied|es|s|ed)$/, (m) => (m === "ies" || m === "ied" ? "y" : ""))
    .slice(0, 8);
}

/** Splits a request into the clauses a person joins with "and", "then", commas or semicolons. */
export function clauses(text: string): string[] {
  return text
    .split(/[,;]|\b(?:and then|and also|and|then|also)\b/i)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

interface Vocab {
  id: AgentId;
  words: Set<string>;
  phrases: string[][];
  weak: Set<string>;
}

/** Whether `seq` occurs in `words` as a contiguous run, and where it starts (or -1). */
function indexOfRun(words: readonly string[], seq: readonly string[]): number {
  for (let i = 0; i + seq.length <= words.length; i++) if (seq.every((t, j) => words[i + j] === t)) return i;
  return -1;
}

/**
 * Builds a deterministic, pure intent matcher. Each agent is scored by the inverse-document-frequency-weighted
 * overlap of the request's terms with its keywords (weight 2; a multi-word keyword counts only as the whole
 * phrase) and with its examples and description (weight 1). An agent runs only on minimum evidence: a score of
 * at least `minScore` from one keyword or two distinct weaker terms. The best such agent runs, with any within
 * `ratio` of it and the best of each clause of a request that asks for several things ("score … and plan …").
 */
export function createIntentMatcher(
  profiles: readonly IntentProfile[],
  options: IntentOptions = {},
): (text: string) => IntentMatch {
  const minScore = options.minScore ?? 1.5;
  const ratio = options.ratio ?? 0.8;
  const maxAgents = options.maxAgents ?? 2;
  const vocab: Vocab[] = profiles.map((p) => {
    const keys = p.keywords.map(terms).filter((k) => k.length > 0);
    return {
      id: p.id,
      words: new Set(keys.filter((k) => k.length === 1).map((k) => k[0]!)),
      phrases: keys.filter((k) => k.length > 1),
      weak: new Set([...p.examples, p.description, ...p.keywords].flatMap(terms)),
    };
  });
  const df = new Map<string, number>();
  for (const v of vocab) for (const t of v.weak) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((profiles.length + 1) / ((df.get(t) ?? 0) + 0.5));

  function score(v: Vocab, words: readonly string[]): IntentScore {
    const rest = [...words];
    const strong: string[] = [];
    const weak: string[] = [];
    let sum = 0;
    for (const phrase of v.phrases) {
      const at = indexOfRun(rest, phrase);
      if (at < 0) continue;
      strong.push(phrase.join(" "));
      sum += 2 * phrase.reduce((s, t) => s + idf(t), 0);
      rest.splice(at, phrase.length, "");
    }
    for (const w of new Set(rest)) {
      if (w === "") continue;
      if (v.words.has(w)) {
        strong.push(w);
        sum += 2 * idf(w);
      } else if (v.weak.has(w)) {
        weak.push(w);
        sum += idf(w);
      }
    }
    return { agent: v.id, score: Math.round(sum * 100) / 100, strong, weak };
  }

  function ranked(text: string): IntentScore[] {
    const words = terms(text);
    return vocab
      .map((v) => score(v, words))
      .sort((a, b) => b.score - a.score || (a.agent < b.agent ? -1 : 1));
  }

  const eligible = (s: IntentScore) => s.score >= minScore && (s.strong.length > 0 || s.weak.length >= 2);

  return function matchIntent(text: string): IntentMatch {
    const scores = ranked(text);
    const best = scores[0];
    if (!best || !eligible(best)) return { agents: [], scores };
    // Priority: the best agent, then each clause's winner (on a keyword), then near-ties of the best.
    const wanted = new Set<AgentId>([best.agent]);
    const parts = clauses(text);
    for (const part of parts.length > 1 ? parts : []) {
      const top = ranked(part)[0];
      if (top && eligible(top) && top.strong.length > 0) wanted.add(top.agent);
    }
    for (const s of scores) if (eligible(s) && s.score >= best.score * ratio) wanted.add(s.agent);
    const chosen = new Set([...wanted].slice(0, maxAgents));
    return { agents: scores.filter((s) => chosen.has(s.agent)).map((s) => s.agent), scores };
  };
}
