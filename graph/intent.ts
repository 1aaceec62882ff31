import type { AgentId } from "../domain/agents.ts";

/** What the matcher knows of an agent: its words. */
export interface IntentProfile {
  readonly id: AgentId;
  readonly description: string;
  readonly examples: readonly string[];
  readonly keywords: readonly string[];
}

/** The matcher's verdict: agents to run (best first) with scores, or none. */
export interface IntentMatch {
  readonly agents: AgentId[];
  readonly scores: { agent: AgentId; score: number }[];
}

const STOP = new Set(
  "a an and are as at be by can do does for from has have how i in is it me my of on or our please should show some that the their them this to us we what when which who why will with would you your this week".split(
    " ",
  ),
);

/** Lower-cased word stems of a text, stop words dropped; a crude stemmer is enough for routing. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w) && w.length > 1).map(stem);
}

function stem(word: string): string {
  return word
    .replace(/(ings|ing|ies|ied|es|s|ed)$/, (m) => (m === "ies" || m === "ied" ? "y" : ""))
    .slice(0, 7);
}

/**
 * Builds a deterministic intent matcher: each agent is scored by the inverse-document-frequency-weighted
 * overlap of the request's terms with its keywords (weight 2), examples and description (weight 1).
 * Agents within `ratio` of the best score and above `minScore` are returned, best first, ties by id.
 */
export function createIntentMatcher(
  profiles: readonly IntentProfile[],
  options: { minScore?: number; ratio?: number; maxAgents?: number } = {},
): (text: string) => IntentMatch {
  const minScore = options.minScore ?? 1.5;
  const ratio = options.ratio ?? 0.8;
  const maxAgents = options.maxAgents ?? 2;
  const vocab = profiles.map((p) => ({
    id: p.id,
    strong: new Set(p.keywords.flatMap(terms)),
    weak: new Set([...p.examples, p.description].flatMap(terms)),
  }));
  const df = new Map<string, number>();
  for (const v of vocab) for (const t of new Set([...v.strong, ...v.weak])) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((profiles.length + 1) / ((df.get(t) ?? 0) + 0.5));

  return function matchIntent(text: string): IntentMatch {
    const words = [...new Set(terms(text))];
    const scores = vocab
      .map((v) => ({
        agent: v.id,
        score: words.reduce((sum, w) => sum + (v.strong.has(w) ? 2 * idf(w) : v.weak.has(w) ? idf(w) : 0), 0),
      }))
      .sort((a, b) => b.score - a.score || (a.agent < b.agent ? -1 : 1));
    const best = scores[0]?.score ?? 0;
    const agents =
      best < minScore
        ? []
        : scores
            .filter((s) => s.score >= best * ratio)
            .slice(0, maxAgents)
            .map((s) => s.agent);
    return {
      agents,
      scores: scores.map((s) => ({ agent: s.agent, score: Math.round(s.score * 100) / 100 })),
    };
  };
}
