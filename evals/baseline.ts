import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { UserError } from "../domain/errors.ts";
import { sourcePath } from "../domain/source-path.ts";
import type { EvalResults } from "./runner.ts";

/** Where the committed baseline lives. */
export const BASELINE_FILE = sourcePath(import.meta.url, "./baseline.json");

/** How far a suite's score may fall below the baseline before it counts as a regression. */
export const DEFAULT_THRESHOLD = 0.01;

/** Per-suite starting thresholds: policy is zero tolerance, so any drop regresses. */
export const SUITE_THRESHOLDS: Readonly<Record<string, number>> = { policy: 0 };

const SuiteScore = z.object({
  score: z.number(),
  cases: z.number().int(),
  passed: z.number().int(),
  threshold: z.number().min(0),
});

/** The committed baseline: per-suite scores and thresholds, and each case's verdict and score. */
export const Baseline = z
  .object({
    version: z.literal(1),
    model: z.string(),
    suites: z.record(z.string(), SuiteScore),
    /** The routing splits (`routing/train`, `routing/held-out`), gated like suites. */
    splits: z.record(z.string(), SuiteScore).default({}),
    cases: z.record(z.string(), z.object({ pass: z.boolean(), score: z.number() })),
  })
  .strict();
export type Baseline = z.infer<typeof Baseline>;

/** What changed against the baseline; any regression fails the run. */
export interface Comparison {
  /** Cases that passed in the baseline and fail now. */
  regressed: { key: string; was: number; now: number }[];
  /** Suites whose score fell past their threshold. */
  suiteDrops: { suite: string; was: number; now: number; threshold: number }[];
  improved: { key: string; was: number; now: number }[];
  /** Cases whose score changed without changing pass/fail. */
  changed: { key: string; was: number; now: number }[];
  added: string[];
  removed: string[];
  /** True when every case and suite score equals the baseline's. */
  exact: boolean;
  /** Score delta per suite (now − baseline), null when the baseline lacks the suite. */
  deltas: Record<string, number | null>;
}

/** Reads the baseline, or null when there is none yet. */
export function readBaseline(file: string = BASELINE_FILE): Baseline | null {
  if (!existsSync(file)) return null;
  const parsed = Baseline.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new UserError(
      "eval_baseline_invalid",
      `${file} is not a valid eval baseline; regenerate it with \`growth eval --bless\`.`,
    );
  }
  return parsed.data;
}

/** The baseline for a full run's results; thresholds of the previous baseline are kept. */
export function baselineOf(results: EvalResults, previous: Baseline | null): Baseline {
  const cases: Baseline["cases"] = {};
  for (const c of [...results.cases].sort((a, b) => (a.key < b.key ? -1 : 1)))
    cases[c.key] = { pass: c.pass, score: c.score };
  const suites: Baseline["suites"] = {};
  for (const s of results.suites) {
    suites[s.name] = {
      score: s.score,
      cases: s.cases,
      passed: s.passed,
      threshold: previous?.suites[s.name]?.threshold ?? SUITE_THRESHOLDS[s.name] ?? DEFAULT_THRESHOLD,
    };
  }
  const splits: Baseline["splits"] = {};
  for (const s of results.splits) {
    splits[s.name] = {
      score: s.score,
      cases: s.cases,
      passed: s.passed,
      threshold: previous?.splits[s.name]?.threshold ?? DEFAULT_THRESHOLD,
    };
  }
  return { version: 1, model: results.model, suites, splits, cases };
}

/** Writes the baseline deliberately (`--bless`), sorted so its diff reads case by case. */
export function writeBaseline(baseline: Baseline, file: string = BASELINE_FILE): void {
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/**
 * Compares results with the baseline. Only the suites and cases that ran are compared (a `--suite` or
 * `--filter` run is judged on what it ran); a suite's score is compared only when the whole suite ran.
 */
export function compareWithBaseline(
  results: EvalResults,
  baseline: Baseline,
  wholeSuites: boolean,
): Comparison {
  const comparison: Comparison = {
    regressed: [],
    suiteDrops: [],
    improved: [],
    changed: [],
    added: [],
    removed: [],
    exact: true,
    deltas: {},
  };
  const ran = new Set(results.cases.map((c) => c.key));
  const suitesRan = new Set(results.suites.map((s) => s.name));
  for (const c of results.cases) {
    const was = baseline.cases[c.key];
    if (!was) {
      comparison.added.push(c.key);
      comparison.exact = false;
      continue;
    }
    const entry = { key: c.key, was: was.score, now: c.score };
    if (was.pass && !c.pass) comparison.regressed.push(entry);
    else if (!was.pass && c.pass) comparison.improved.push(entry);
    else if (was.score !== c.score) comparison.changed.push(entry);
    if (was.pass !== c.pass || was.score !== c.score) comparison.exact = false;
  }
  if (wholeSuites) {
    for (const key of Object.keys(baseline.cases)) {
      if (!ran.has(key) && suitesRan.has(key.split("/")[0]!)) {
        comparison.removed.push(key);
        comparison.exact = false;
      }
    }
  }
  const rows = [
    ...results.suites.map((s) => ({ s, was: baseline.suites[s.name] })),
    ...results.splits.map((s) => ({ s, was: baseline.splits[s.name] })),
  ];
  for (const { s, was } of rows) {
    comparison.deltas[s.name] = was && wholeSuites ? round(s.score - was.score) : null;
    if (!was || !wholeSuites) continue;
    if (was.score !== s.score) comparison.exact = false;
    if (s.score < was.score - was.threshold - 1e-9) {
      comparison.suiteDrops.push({ suite: s.name, was: was.score, now: s.score, threshold: was.threshold });
    }
  }
  return comparison;
}

/** True when the comparison holds a regression: a case that passed now fails, or a suite fell past its threshold. */
export function hasRegression(comparison: Comparison): boolean {
  return comparison.regressed.length > 0 || comparison.suiteDrops.length > 0;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
