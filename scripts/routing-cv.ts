// The numbers a routing-classifier change is judged by, without running the graph:
//   npx tsx scripts/routing-cv.ts
// - train (resubstitution): the matcher trained on the agents and the whole train split, reading the train split;
// - train (5-fold cross-validation): each fifth of the train split read by a matcher trained without it (the
//   agents' descriptions and examples always in, thresholds calibrated inside the fold) — the number to tune on;
// - held-out v1 and v2: aggregate counts only. This script never prints a held-out case: tune on train, look at
//   the held-out aggregate before and after a change (evals/README.md).
// `--train-failures` lists the train cases cross-validation gets wrong (train only); `--train-only` skips the
// held-out sets, for the many runs of tuning (measure held-out once per candidate, before and after).
// A pick is right as the first-hop scorer has it: exactly the needed agents, the first one of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AGENT_LIST } from "../agents/index.ts";
import { DATASETS_DIR } from "../evals/dataset.ts";
import { routingTrainSplit } from "../evals/train-split.ts";
import { createIntentMatcher, type TrainingText } from "../graph/intent.ts";

const FOLDS = 5;
const out = (text: string) => process.stdout.write(`${text}\n`);
const verbose = process.argv.includes("--train-failures");
const trainOnly = process.argv.includes("--train-only");

function correct(got: readonly string[], want: readonly string[]): boolean {
  if (got.length !== want.length) return false;
  if (got.length > 0 && !want.includes(got[0]!)) return false;
  return got.every((a) => want.includes(a));
}

function heldOut(split: string): TrainingText[] {
  return readFileSync(join(DATASETS_DIR, "routing.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((c) => c.split === split)
    .map((c) => ({ text: c.request.text, agents: c.expect.route[0].agents }));
}

interface Tally {
  hits: number;
  n: number;
  offHits: number;
  offN: number;
}

function tally(rows: readonly TrainingText[], pick: (t: string) => string[], show = false): Tally {
  const t: Tally = { hits: 0, n: 0, offHits: 0, offN: 0 };
  for (const row of rows) {
    const got = pick(row.text);
    const ok = correct(got, row.agents);
    t.n++;
    if (ok) t.hits++;
    if (row.agents.length === 0) {
      t.offN++;
      if (ok) t.offHits++;
    }
    if (show && !ok) out(`  ${JSON.stringify(row.text)}: want [${row.agents}] got [${got}]`);
  }
  return t;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "-");
const line = (name: string, t: Tally) =>
  out(
    `${name.padEnd(28)} ${`${t.hits}/${t.n}`.padStart(8)} ${pct(t.hits, t.n).padStart(7)}   off-topic→none ${t.offHits}/${t.offN}`,
  );

const train = routingTrainSplit();
const full = createIntentMatcher(AGENT_LIST, train);
const pick = (m: typeof full) => (text: string) => m(text).agents as string[];

line("train (resubstitution)", tally(train, pick(full)));

const cv: Tally = { hits: 0, n: 0, offHits: 0, offN: 0 };
for (let k = 0; k < FOLDS; k++) {
  const rest = train.filter((_, i) => i % FOLDS !== k);
  const fold = train.filter((_, i) => i % FOLDS === k);
  const t = tally(fold, pick(createIntentMatcher(AGENT_LIST, rest)), verbose);
  cv.hits += t.hits;
  cv.n += t.n;
  cv.offHits += t.offHits;
  cv.offN += t.offN;
}
line("train (5-fold CV)", cv);
if (!trainOnly) {
  line("held-out v1 (contaminated)", tally(heldOut("held-out"), pick(full)));
  line("held-out v2", tally(heldOut("held-out-v2"), pick(full)));
}
