import { UserError } from "../domain/errors.ts";
import { sourcePath } from "../domain/source-path.ts";
import {
  BASELINE_FILE,
  type Baseline,
  baselineOf,
  type Comparison,
  compareWithBaseline,
  hasRegression,
  readBaseline,
  writeBaseline,
} from "./baseline.ts";
import type { HarnessOptions } from "./harness.ts";
import { assertHeldOutIntact, blessHeldOut, HELD_OUT_LIST } from "./held-out.ts";
import { judgeOf, modelMode, promptHashes } from "./model-mode.ts";
import type { ReportInput } from "./report/meta.ts";
import { consoleTables } from "./report/table.ts";
import { writeReports } from "./report/write.ts";
import { type EvalResults, type EvalRunOptions, runEvals } from "./runner.ts";
import { SUITES, Suite } from "./schema.ts";

/** Where result folders go by default (gitignored). */
export const RESULTS_DIR = sourcePath(import.meta.url, "./results/");

/** Everything `growth eval` accepts, plus what tests swap in. */
export interface EvalCommandOptions {
  suite?: string;
  model?: string;
  repeat?: number;
  filter?: string;
  bless?: boolean;
  /** Rewrites the held-out hash list from the dataset, accepting edited or removed held-out cases. */
  blessHeldOut?: boolean;
  out?: string;
  concurrency?: number;
  /** The LLM judge's model (`openai:<m>` or `anthropic:<m>`); without one the judge check is skipped. */
  judge?: string;
  baselineFile?: string;
  datasetsDir?: string;
  /** Planted faults and other harness overrides (tests); merged over the model's mode. */
  harness?: Omit<HarnessOptions, "mode">;
  onProgress?: EvalRunOptions["onProgress"];
  clock?: () => Date;
}

/** The outcome of `growth eval`: the exit code, what to print, and where the reports went. */
export interface EvalCommandOutcome {
  exitCode: 0 | 1;
  results: EvalResults;
  comparison: Comparison | null;
  folder: string;
  text: string;
}

/** Runs the evals, writes the reports, compares with (or with --bless writes) the baseline. */
export async function runEvalCommand(options: EvalCommandOptions = {}): Promise<EvalCommandOutcome> {
  const suites = parseSuites(options.suite);
  if (options.bless && options.filter) {
    throw new UserError(
      "eval_bless_filtered",
      "--bless needs whole suites; drop --filter (use --suite to bless one suite).",
    );
  }
  const notes: string[] = [];
  if (suites.includes("routing")) {
    if (options.blessHeldOut) {
      const n = blessHeldOut(options.datasetsDir);
      notes.push(`Blessed the held-out list: ${HELD_OUT_LIST} now lists ${n} case(s).`);
    }
    const drift = assertHeldOutIntact(options.datasetsDir);
    if (drift.added.length) {
      notes.push(
        `${drift.added.length} new held-out case(s) not yet in ${HELD_OUT_LIST}; \`growth eval --bless-held-out\` protects them.`,
      );
    }
  }
  const clock = options.clock ?? (() => new Date());
  const started = clock();
  const model = options.model ?? "playbook";
  const mode = modelMode(model);
  const results = await runEvals({
    suites,
    filter: options.filter,
    repeat: options.repeat,
    concurrency: options.concurrency,
    datasetsDir: options.datasetsDir,
    harness: { ...options.harness, mode },
    judge: options.judge ? judgeOf(options.judge) : null,
    onProgress: options.onProgress,
  });
  const misses = mode.replayMisses?.() ?? [];
  if (misses.length > 0) {
    throw new UserError(
      "recording_missing",
      `${misses.length} model call(s) had no recording, so the agents fell back and the scores mean nothing. ${misses[0]?.message}`,
    );
  }
  const baselineFile = options.baselineFile ?? BASELINE_FILE;
  const previous = readBaseline(baselineFile);
  let comparison: Comparison | null = null;
  if (options.bless) {
    writeBaseline(merge(previous, baselineOf(results, previous), suites), baselineFile);
    notes.push(`Blessed: wrote ${baselineFile} (${results.cases.length} cases).`);
  } else if (previous) {
    if (previous.model !== results.model)
      notes.push(`Note: the baseline was made with ${previous.model}, this run used ${results.model}.`);
    comparison = compareWithBaseline(results, previous, !options.filter);
  } else {
    notes.push(`No baseline at ${baselineFile}: run \`growth eval --bless\` to create one.`);
  }
  const input: ReportInput = {
    results,
    comparison,
    startedAt: started.toISOString(),
    durationMs: clock().getTime() - started.getTime(),
    prompts: promptHashes(),
  };
  const folder = writeReports(options.out ?? RESULTS_DIR, input);
  const regressed = comparison !== null && hasRegression(comparison);
  const verdict = verdictLines(comparison);
  const text = [consoleTables(input), "", ...notes, ...verdict, `Reports: ${folder}`].join("\n");
  return { exitCode: regressed ? 1 : 0, results, comparison, folder, text };
}

function parseSuites(text: string | undefined): Suite[] {
  if (!text) return [...SUITES];
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !Suite.safeParse(n).success);
  if (bad.length)
    throw new UserError(
      "eval_suite_unknown",
      `Unknown suite ${bad.join(", ")}; the suites are ${SUITES.join(", ")}.`,
    );
  return names as Suite[];
}

/** A partial bless (`--suite`) replaces only the suites it ran; the rest of the baseline stays. */
function merge(previous: Baseline | null, next: Baseline, suites: readonly Suite[]): Baseline {
  if (!previous || suites.length === SUITES.length) return next;
  const keep = Object.entries(previous.cases).filter(([key]) => !suites.includes(key.split("/")[0] as Suite));
  const cases = Object.fromEntries(
    [...keep, ...Object.entries(next.cases)].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return {
    ...next,
    suites: { ...previous.suites, ...next.suites },
    splits: { ...previous.splits, ...next.splits },
    cases,
  };
}

function verdictLines(comparison: Comparison | null): string[] {
  if (!comparison) return [];
  const lines: string[] = [];
  if (hasRegression(comparison)) {
    lines.push(`REGRESSION: ${comparison.regressed.length} case(s) that passed now fail:`);
    for (const r of comparison.regressed) lines.push(`  - ${r.key}`);
    for (const s of comparison.suiteDrops) {
      lines.push(`  - suite ${s.suite} fell from ${s.was} to ${s.now} (threshold ${s.threshold})`);
    }
  } else if (comparison.exact) {
    lines.push("Matches the baseline exactly.");
  } else {
    lines.push("No regression against the baseline.");
  }
  if (comparison.improved.length) {
    lines.push(
      `${comparison.improved.length} case(s) now pass that failed in the baseline; bless to lock them in.`,
    );
  }
  return lines;
}
