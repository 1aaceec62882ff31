// The scale scenario: the demo seed grown to about 11k, 110k and 1.1M touches (bench/scale-store.ts), and at
// each size the guard decision, the whole event through the orchestrator, and `growth report` as a child
// process (wall and peak RSS). Each larger store is the smaller one plus more replicas of the seed.
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REFERENCE_ANCHOR } from "../runtime/seed/index.ts";
import { openStore } from "../store/db.ts";
import { growthRuns } from "./cli-runs.ts";
import { benchEvents, benchOrchestrator } from "./graph-throughput.ts";
import { guardDecisions } from "./scale-guard.ts";
import { grow, seedBase, touchCount } from "./scale-store.ts";
import { latencyStats } from "./stats.ts";

/** The sizes the scenario knows, as copies of the seed (1 copy ≈ 11.3k touches). */
export const SCALE_SIZES = { "11k": 1, "110k": 10, "1.1m": 100 } as const;

/** One of the scenario's store sizes. */
export type ScaleSize = keyof typeof SCALE_SIZES;

/** What the scenario measured at one size. */
export interface ScaleResult {
  size: ScaleSize;
  touches: number;
  generateMs: number;
  guard: Awaited<ReturnType<typeof guardDecisions>>;
  event: ReturnType<typeof latencyStats>;
  report: { wallMs: number; maxRssMb: number };
}

/**
 * Builds (or reuses, in `dir`) each store and measures it; `log` gets a line per step so a long run shows
 * progress. The measured events write to a copy, so the grown stores stay as generated.
 */
export async function scaleScenario(
  dir: string,
  sizes: readonly ScaleSize[],
  options: { guardSamples: number; events: number; log: (line: string) => void },
): Promise<ScaleResult[]> {
  const seed = join(dir, "scale-seed.db");
  if (!existsSync(seed)) await seedBase(seed);
  const ordered = [...sizes].sort((a, b) => SCALE_SIZES[a] - SCALE_SIZES[b]);
  const results: ScaleResult[] = [];
  let previous = { file: seed, copies: 1 };
  for (const size of ordered) {
    const copies = SCALE_SIZES[size];
    const file = join(dir, `scale-${size}.db`);
    const started = performance.now();
    if (!existsSync(file) || touchCount(file) !== touchCount(seed) * copies) {
      if (copies === 1) copyFileSync(seed, file);
      else grow(file, previous.file, seed, previous.copies, copies - 1);
    }
    const generateMs = performance.now() - started;
    const touches = touchCount(file);
    options.log(`scale ${size}: ${touches} touches (store ready in ${(generateMs / 1000).toFixed(1)} s)`);
    previous = { file, copies };

    const report = growthRuns(["--db", file, "report"], 1);
    options.log(`scale ${size}: report ${report.wallMs.toFixed(0)} ms, ${report.maxRssMb.toFixed(0)} MB`);

    const work = join(dir, `scale-${size}-work.db`);
    for (const f of [work, `${work}-wal`, `${work}-shm`]) if (existsSync(f)) rmSync(f);
    copyFileSync(file, work);
    const store = await openStore(work);
    const now = new Date(Date.parse(REFERENCE_ANCHOR) + 86_400_000);
    const guard = await guardDecisions(store, work, now, options.guardSamples);
    options.log(`scale ${size}: guard p50 ${guard.p50.toFixed(3)} ms p99 ${guard.p99.toFixed(3)} ms`);
    const orchestrator = benchOrchestrator(store);
    const latencies: number[] = [];
    for (const item of await benchEvents(store, options.events)) {
      const t = performance.now();
      await orchestrator.submitEvent(item.event, { at: item.at });
      latencies.push(performance.now() - t);
    }
    const event = latencyStats(latencies);
    options.log(`scale ${size}: event p50 ${event.p50.toFixed(1)} ms p99 ${event.p99.toFixed(1)} ms`);
    await store.close();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) if (existsSync(f)) rmSync(f);
    results.push({ size, touches, generateMs, guard, event, report });
  }
  return results;
}
