// `npm run bench`: events per second and per-event latency through the full orchestrator graph on the SQLite
// checkpointer, beside a bare LangGraph graph with the same number of no-op nodes and the same checkpointer,
// measured in one run so the ratio holds on a noisy machine. Not a test: figures go to BENCHMARKS.md.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { END, START, StateGraph, StateSchema } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { z } from "zod";
import { createOrchestrator } from "../runtime/app.ts";
import { demoStream } from "../runtime/demo/stream.ts";
import { createLogger } from "../runtime/logger.ts";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../runtime/seed/index.ts";
import { openStore } from "../store/db.ts";
import { demoCandidates } from "../store/queries/demo-candidates.ts";

const EVENTS = Number.parseInt(process.env.BENCH_EVENTS ?? "300", 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function stats(latencies: number[], totalMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    eventsPerSecond: (latencies.length / totalMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

async function fullGraph(dir: string) {
  const store = await openStore(join(dir, "full.db"));
  await seedIfEmpty(store, { now: new Date(REFERENCE_ANCHOR) });
  // Playbook mode whatever keys the shell holds: the figures compare graph overhead, not a provider.
  const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), { env: {} });
  const stream = demoStream(await demoCandidates(store.db), {
    seed: 99,
    start: new Date(Date.parse(REFERENCE_ANCHOR) + 86_400_000),
    from: 0,
    to: EVENTS,
  }).filter((e) => !e.redelivery);
  const latencies: number[] = [];
  let nodes = 0;
  const started = performance.now();
  for (const item of stream) {
    const t = performance.now();
    const outcome = await orchestrator.submitEvent(item.event, { at: item.at });
    latencies.push(performance.now() - t);
    nodes += outcome.route.length + 5;
  }
  const total = performance.now() - started;
  await store.close();
  return { ...stats(latencies, total), events: latencies.length, meanNodes: nodes / latencies.length };
}

async function bareGraph(dir: string, nodeCount: number, events: number) {
  const State = new StateSchema({ n: z.number().default(0) });
  const builder = new StateGraph(State);
  const names = Array.from({ length: nodeCount }, (_, i) => `noop_${i}`);
  for (const name of names) builder.addNode(name, (s: { n: number }) => ({ n: s.n + 1 }));
  const graph = builder as unknown as StateGraph<typeof State, unknown, unknown, string>;
  graph.addEdge(START, names[0]!);
  for (let i = 1; i < names.length; i++) graph.addEdge(names[i - 1]!, names[i]!);
  graph.addEdge(names[names.length - 1]!, END);
  const app = graph.compile({ checkpointer: SqliteSaver.fromConnString(join(dir, "bare.db")) });
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < events; i++) {
    const t = performance.now();
    await app.invoke({ n: 0 }, { configurable: { thread_id: `bare-${i % 50}` }, durability: "sync" });
    latencies.push(performance.now() - t);
  }
  return stats(latencies, performance.now() - started);
}

const dir = mkdtempSync(join(tmpdir(), "growth-bench-"));
try {
  const full = await fullGraph(dir);
  const bare = await bareGraph(dir, Math.round(full.meanNodes), full.events);
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(`events: ${full.events} (mean ${fmt(full.meanNodes)} nodes per run)`);
  console.log("graph                      events/s   p50 ms   p99 ms");
  console.log(
    `full orchestrator          ${fmt(full.eventsPerSecond).padStart(8)} ${fmt(full.p50).padStart(8)} ${fmt(full.p99).padStart(8)}`,
  );
  console.log(
    `bare no-op (same nodes)    ${fmt(bare.eventsPerSecond).padStart(8)} ${fmt(bare.p50).padStart(8)} ${fmt(bare.p99).padStart(8)}`,
  );
  console.log(
    `ratio full/bare p50 latency: ${(full.p50 / bare.p50).toFixed(2)}×  throughput: ${(bare.eventsPerSecond / full.eventsPerSecond).toFixed(2)}× slower`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
