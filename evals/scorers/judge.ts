import { type Check, check, skipped } from "./check.ts";

/** A verdict a judge model recorded: a score in [0, 1], its reasons, and the pinned model that gave it. */
export interface JudgeVerdict {
  readonly score: number;
  readonly reasons: string;
  readonly model: string;
}

/** An LLM judge with a pinned model; it rates a draft against the facts it was asked to convey. */
export interface Judge {
  readonly model: string;
  judge(input: { brief: string; draft: string; facts: readonly string[] }): Promise<JudgeVerdict>;
}

/** What the judge is asked about one case. */
export interface JudgeInput {
  brief: string;
  drafts: readonly string[];
  facts: readonly string[];
}

/** The result when no judge is configured: skipped, never a pass or a fail. */
export const NO_JUDGE = "skipped: no judge model configured";

/** The mean judge score at which a case passes the judge check. */
export const JUDGE_PASS = 0.7;

/** Scores with the judge when one is configured (mean verdict over the drafts); otherwise a skipped check. */
export async function scoreWithJudge(judge: Judge | null, input: JudgeInput): Promise<Check> {
  if (!judge) return skipped("llm judge", NO_JUDGE);
  if (input.drafts.length === 0) return check("llm judge", 0, `no draft to judge (${judge.model})`);
  const verdicts = await Promise.all(
    input.drafts.map((draft) => judge.judge({ brief: input.brief, draft, facts: input.facts })),
  );
  const mean = verdicts.reduce((s, v) => s + v.score, 0) / verdicts.length;
  const scored = check("llm judge", mean, `${judge.model}: ${verdicts.map((v) => v.reasons).join(" | ")}`);
  return { ...scored, pass: scored.score >= JUDGE_PASS };
}
