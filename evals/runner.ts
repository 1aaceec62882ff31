import { AGENT_IDS, type AgentId } from "../domain/agents.ts";
import { UserError } from "../domain/errors.ts";
import { loadSuite } from "./dataset.ts";
import { type HarnessOptions, runCase } from "./harness.ts";
import { type EvalCase, SPLITS, type Split, SUITES, type Suite } from "./schema.ts";
import { type Check, combine, type Judge, scoreCase } from "./scorers/index.ts";

/** How `growth eval` runs: which cases, how often, how many at once, and what drives the agents. */
export interface EvalRunOptions {
  suites?: readonly Suite[];
  /** Only cases whose id, description or tags contain this text (case-insensitive). */
  filter?: string;
  /** Runs of each case; a case passes only when every run passes. */
  repeat?: number;
  /** Cases in flight at once; each has its own store. */
  concurrency?: number;
  datasetsDir?: string;
  /** Cases to run instead of the datasets (tests). */
  cases?: readonly EvalCase[];
  harness?: HarnessOptions;
  judge?: Judge | null;
  onProgress?: (done: number, total: number, caseKey: string) => void;
}

/** One case's result over its runs; `checks` are those of its first failing run, else of its last run. */
export interface CaseResult {
  key: string;
  suite: Suite;
  /** The routing split (train, held-out or held-out-v2); other suites have none. */
  split?: Split;
  id: string;
  description: string;
  agents: AgentId[];
  tags: string[];
  pass: boolean;
  score: number;
  runs: number;
  passes: number;
  checks: Check[];
  route: AgentId[];
  tokens: number;
  costUsd: number;
  /** Wall time of all runs; the only field that differs between identical runs. */
  durationMs: number;
}

/** A score table row: a suite or an agent. */
export interface ScoreRow {
  name: string;
  cases: number;
  passed: number;
  score: number;
  tokens: number;
  costUsd: number;
}

/** Everything one eval run produced. */
export interface EvalResults {
  model: string;
  repeat: number;
  suites: ScoreRow[];
  /** The routing suite's splits, named `routing/train`, `routing/held-out` and `routing/held-out-v2`. */
  splits: ScoreRow[];
  agents: ScoreRow[];
  cases: CaseResult[];
}

/** The key a case is known by in results and the baseline: `<suite>/<id>`. */
export const caseKey = (c: Pick<EvalCase, "suite" | "id">) => `${c.suite}/${c.id}`;

/** Selects cases by suite and filter text. */
export function selectCases(cases: readonly EvalCase[], filter?: string): EvalCase[] {
  if (!filter) return [...cases];
  const needle = filter.toLowerCase();
  return cases.filter((c) =>
    [caseKey(c), c.description, ...c.tags, ...c.agents].some((t) => t.toLowerCase().includes(needle)),
  );
}

/** Runs the selected cases concurrently (each in its own store), scores them and sums them up per suite and agent. */
export async function runEvals(options: EvalRunOptions = {}): Promise<EvalResults> {
  const repeat = options.repeat ?? 1;
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20)
    throw new UserError("eval_repeat_invalid", "--repeat takes a whole number from 1 to 20.");
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UserError("eval_concurrency_invalid", "The concurrency must be a whole number of at least 1.");
  const suites = options.suites ?? SUITES;
  const all = options.cases
    ? options.cases.filter((c) => suites.includes(c.suite))
    : suites.flatMap((s) => loadSuite(s, options.datasetsDir));
  const cases = selectCases(all, options.filter);
  if (cases.length === 0) {
    throw new UserError(
      "eval_no_cases",
      `No eval case matches${options.filter ? ` "${options.filter}"` : ""}; check --suite and --filter.`,
    );
  }

  const results = new Array<CaseResult>(cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const c = cases[index]!;
      results[index] = await evaluate(c, repeat, options);
      options.onProgress?.(++done, cases.length, caseKey(c));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return {
    model: options.harness?.mode?.name ?? "playbook",
    repeat,
    suites: SUITES.filter((s) => suites.includes(s))
      .map((s) =>
        row(
          s,
          results.filter((r) => r.suite === s),
        ),
      )
      .filter((r) => r.cases > 0),
    splits: SPLITS.map((split) =>
      row(
        `routing/${split}`,
        results.filter((r) => r.suite === "routing" && r.split === split),
      ),
    ).filter((r) => r.cases > 0),
    agents: AGENT_IDS.map((a) =>
      row(
        a,
        results.filter((r) => r.agents.includes(a)),
      ),
    ).filter((r) => r.cases > 0),
    cases: results,
  };
}

async function evaluate(c: EvalCase, repeat: number, options: EvalRunOptions): Promise<CaseResult> {
  const started = performance.now();
  let passes = 0;
  let scoreSum = 0;
  let tokens = 0;
  let costUsd = 0;
  let firstFailure: { checks: Check[]; route: AgentId[] } | null = null;
  let last: { checks: Check[]; route: AgentId[] } = { checks: [], route: [] };
  for (let i = 0; i < repeat; i++) {
    let checks: Check[];
    let route: AgentId[] = [];
    try {
      const observation = await runCase(c, options.harness);
      route = observation.route;
      tokens += observation.tokens.input + observation.tokens.output;
      costUsd += observation.costUsd;
      checks = await scoreCase(c, observation, options.judge ?? null);
    } catch (error) {
      checks = [
        { scorer: "run", score: 0, pass: false, detail: `the run failed: ${(error as Error).message}` },
      ];
    }
    const verdict = combine(checks);
    if (verdict.pass) passes++;
    scoreSum += verdict.score;
    last = { checks, route };
    if (!verdict.pass && !firstFailure) firstFailure = last;
  }
  const shown = firstFailure ?? last;
  return {
    key: caseKey(c),
    suite: c.suite,
    ...(c.suite === "routing" ? { split: c.split } : {}),
    id: c.id,
    description: c.description,
    agents: c.agents,
    tags: c.tags,
    pass: passes === repeat,
    score: round(scoreSum / repeat),
    runs: repeat,
    passes,
    checks: shown.checks,
    route: shown.route,
    tokens,
    costUsd: round(costUsd, 6),
    durationMs: Math.round(performance.now() - started),
  };
}

function row(name: string, results: readonly CaseResult[]): ScoreRow {
  return {
    name,
    cases: results.length,
    passed: results.filter((r) => r.pass).length,
    score: results.length ? round(results.reduce((s, r) => s + r.score, 0) / results.length) : 0,
    tokens: results.reduce((s, r) => s + r.tokens, 0),
    costUsd: round(
      results.reduce((s, r) => s + r.costUsd, 0),
      6,
    ),
  };
}

function round(n: number, places = 4): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}
