/** One scorer's verdict on one case: a score in [0, 1], pass or fail, and why; skipped checks do not count. */
export interface Check {
  readonly scorer: string;
  readonly score: number;
  readonly pass: boolean;
  readonly skipped?: boolean;
  /** A failed fatal check (zero tolerance) makes the whole case score 0. */
  readonly fatal?: boolean;
  readonly detail: string;
}

/** A check from a score: it passes only at full marks. Scores are rounded to 4 places so runs compare exactly. */
export function check(scorer: string, score: number, detail: string): Check {
  const rounded = Math.round(Math.max(0, Math.min(1, score)) * 10_000) / 10_000;
  return { scorer, score: rounded, pass: rounded === 1, detail };
}

/** A check that did not run, with the reason; it neither passes nor fails the case. */
export function skipped(scorer: string, detail: string): Check {
  return { scorer, score: 0, pass: true, skipped: true, detail };
}

/**
 * The case's verdict from its checks: it passes when every counted check passes; its score is their mean,
 * or 0 when a fatal (zero-tolerance) check failed.
 */
export function combine(checks: readonly Check[]): { pass: boolean; score: number } {
  const counted = checks.filter((c) => !c.skipped);
  if (counted.length === 0) return { pass: true, score: 1 };
  if (counted.some((c) => c.fatal && !c.pass)) return { pass: false, score: 0 };
  const mean = counted.reduce((s, c) => s + c.score, 0) / counted.length;
  return { pass: counted.every((c) => c.pass), score: Math.round(mean * 10_000) / 10_000 };
}
