// `npm run bench [-- --only graph,startup,scale,router,telemetry,workers] [--sizes 11k,110k,1.1m] [--events n]
// [--guard-samples n] [--store-dir dir] [--worker-events n]`: the benchmark scenarios, measured in one run and
// printed as tables for BENCHMARKS.md.
// Not a test. `--store-dir` keeps the grown scale stores between runs (they are rebuilt when missing).
// `router` (bench/router-startup.ts) runs in a child process of its own: it times first imports.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { growthRuns, nodeFloor } from "./cli-runs.ts";
import { interleavedGraphs } from "./graph-throughput.ts";
import { SCALE_SIZES, type ScaleSize, scaleScenario } from "./scale.ts";
import { seedBase } from "./scale-store.ts";
import { fixed } from "./stats.ts";
import { telemetryOverhead } from "./telemetry-overhead.ts";
import { workersScenario } from "./workers.ts";

const SCENARIOS = ["graph", "startup", "scale", "router", "telemetry", "workers"] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: {
    only: { type: "string", default: SCENARIOS.join(",") },
    sizes: { type: "string", default: Object.keys(SCALE_SIZES).join(",") },
    events: { type: "string", default: process.env.BENCH_EVENTS ?? "300" },
    "scale-events": { type: "string", default: "100" },
    "guard-samples": { type: "string", default: "1000" },
    "store-dir": { type: "string" },
    "worker-events": { type: "string", default: "60" },
  },
});

function list<T extends string>(flag: string, text: string, known: readonly T[]): T[] {
  const items = text.split(",").map((s) => s.trim().toLowerCase());
  const unknown = items.filter((s) => !(known as readonly string[]).includes(s));
  if (unknown.length > 0) {
    console.error(`--${flag} ${unknown.join(",")} is unknown; use a comma list of ${known.join(", ")}.`);
    process.exit(2);
  }
  return items as T[];
}

function count(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`--${flag} ${text} is not a whole number of at least 1.`);
    process.exit(2);
  }
  return n;
}

const only = list<Scenario>("only", values.only, SCENARIOS);
const sizes = list<ScaleSize>("sizes", values.sizes, Object.keys(SCALE_SIZES) as ScaleSize[]);
const events = count("events", values.events);
const scaleEvents = count("scale-events", values["scale-events"]);
const guardSamples = count("guard-samples", values["guard-samples"]);
const workerEvents = count("worker-events", values["worker-events"]);
const log = (line: string) => console.error(`  … ${line}`);

const dir = mkdtempSync(join(tmpdir(), "growth-bench-"));
const storeDir = values["store-dir"] ?? dir;
mkdirSync(storeDir, { recursive: true });
const started = Date.now();
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}, ${new Date().toISOString()}`,
  );
  if (only.includes("graph")) {
    const { full, bare, meanNodes } = await interleavedGraphs(dir, events);
    console.log(
      `\n## graph: ${full.n} demo events, interleaved (mean ${meanNodes.toFixed(1)} nodes per event, follow-up runs included)`,
    );
    console.log("graph                          p50 ms   p99 ms");
    console.log(`full orchestrator            ${fixed(full.p50, 1)} ${fixed(full.p99, 1)}`);
    console.log(`bare no-op (same nodes)      ${fixed(bare.p50, 1)} ${fixed(bare.p99, 1)}`);
    console.log(
      `ratio full/bare p50: ${(full.p50 / bare.p50).toFixed(2)}×  p99: ${(full.p99 / bare.p99).toFixed(2)}×`,
    );
  }
  if (only.includes("startup")) {
    const demo = join(dir, "startup-demo.db");
    await seedBase(demo);
    const floor = nodeFloor(5);
    const help = growthRuns(["--help"], 5);
    const report = growthRuns(["--db", demo, "report"], 5);
    console.log("\n## start-up: median of 5 child processes");
    console.log("command                          wall ms   × node -e 0   peak RSS MB");
    const row = (name: string, r: { wallMs: number; maxRssMb: number }) =>
      console.log(
        `${name.padEnd(30)} ${fixed(r.wallMs, 0, 9)} ${fixed(r.wallMs / floor.wallMs, 1, 13)} ${fixed(r.maxRssMb, 0, 13)}`,
      );
    row("node -e 0", floor);
    row("growth --help", help);
    row("growth report (demo store)", report);
  }
  if (only.includes("scale")) {
    const results = await scaleScenario(storeDir, sizes, { guardSamples, events: scaleEvents, log });
    console.log(
      `\n## scale: guard decisions (${guardSamples} samples), demo events (${scaleEvents}), growth report`,
    );
    console.log(
      "size   touches    guard p50 ms  guard p99 ms  event p50 ms  event p99 ms  report wall ms  report RSS MB",
    );
    for (const r of results) {
      console.log(
        `${r.size.padEnd(6)} ${String(r.touches).padStart(9)} ${fixed(r.guard.p50, 3, 13)} ${fixed(r.guard.p99, 3, 13)} ${fixed(r.event.p50, 1, 13)} ${fixed(r.event.p99, 1, 13)} ${fixed(r.report.wallMs, 0, 15)} ${fixed(r.report.maxRssMb, 0, 14)}`,
      );
    }
    for (const r of results)
      console.log(`guard decisions at ${r.size}: ${JSON.stringify(r.guard.decisions)}`);
    const base = results.find((r) => r.size === "11k");
    if (base) {
      for (const r of results.filter((x) => x !== base)) {
        console.log(
          `${r.size}/11k: guard p99 ${(r.guard.p99 / base.guard.p99).toFixed(2)}×, event p50 ${(r.event.p50 / base.event.p50).toFixed(2)}×, report wall ${(r.report.wallMs / base.report.wallMs).toFixed(2)}×`,
        );
      }
    }
  }
  if (only.includes("router")) {
    const router = join(import.meta.dirname, "router-startup.ts");
    const child = spawnSync(process.execPath, ["--import", "tsx", router], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`bench/router-startup.ts exited ${child.status}`);
    console.log(`\n## router\n${child.stdout.toString().trimEnd()}`);
  }
  if (only.includes("telemetry")) {
    const t = await telemetryOverhead(dir, events);
    console.log(`\n## telemetry: tracing off, ${t.plain.n} demo events interleaved on two identical stores`);
    console.log("orchestrator                   p50 ms   p99 ms");
    console.log(`as the CLI builds it         ${fixed(t.plain.p50, 1)} ${fixed(t.plain.p99, 1)}`);
    console.log(`with serve's metrics         ${fixed(t.metered.p50, 1)} ${fixed(t.metered.p99, 1)}`);
    console.log(
      `ratio metrics/plain p50: ${(t.metered.p50 / t.plain.p50).toFixed(3)}×  p99: ${(t.metered.p99 / t.plain.p99).toFixed(3)}×`,
    );
    console.log(
      `no-op spans: ${t.spansPerEvent.toFixed(1)} per event × ${t.spanMicros.toFixed(2)} µs = ${(t.spanShare * 100).toFixed(3)}% of the p50 event`,
    );
  }
  if (only.includes("workers")) {
    const rows = await workersScenario(dir, workerEvents, log);
    console.log(
      `\n## workers: ${workerEvents} demo events on PostgreSQL, workers of concurrency 1, first accept to last finish`,
    );
    console.log("mode                 workers   runs   model calls   seconds   runs/s   × one worker");
    for (const r of rows) {
      const one = rows.find((x) => x.mode === r.mode && x.workers === 1);
      console.log(
        `${r.mode.padEnd(20)} ${String(r.workers).padStart(7)} ${String(r.runs).padStart(6)} ${String(r.modelCalls).padStart(13)} ${fixed(r.seconds, 1, 9)} ${fixed(r.perSecond, 2, 8)} ${fixed(one ? r.perSecond / one.perSecond : 1, 2, 14)}`,
      );
    }
  }
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
