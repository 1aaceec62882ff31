// The graph scenario: per-event latency through the full orchestrator graph on the SQLite checkpointer, beside a
// bare LangGraph graph with the same number of no-op nodes for that very event and the same checkpointer. The two
// are INTERLEAVED (each event runs on both, alternating which goes first), so a noisy machine slows both alike.
import { join } from "node:path";
import { END, START, StateGraph, StateSchema } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { z } from "zod";
import { createOrchestrator } from "../runtime/app.ts";
import { demoStream } from "../runtime/demo/stream.ts";
import { createLogger } from "../runtime/logger.ts";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../runtime/seed/index.ts";
import { openStore, type Store } from "../store/db.ts";
import { demoCandidates } from "../store/queries/demo-candidates.ts";
import { latencyStats } from "./stats.ts";

/** The demo stream's first events (redeliveries dropped), starting a day after the seed's anchor. */
export async function benchEvents(store: Store, count: number) {
  return demoStream(await demoCandidates(store.db), {
    seed: 99,
    start: new Date(Date.parse(REFERENCE_ANCHOR) + 86_400_000),
    from: 0,
    to: count,
  }).filter((e) => !e.redelivery);
}

/**
 * An orchestrator in playbook mode whatever keys the shell holds: figures compare work, not a provider.
 * `onStep` hears every node that ran, follow-up runs' included.
 */
export function benchOrchestrator(store: Store, onStep?: () => void) {
  return createOrchestrator(store, createLogger({ level: "silent" }), {
    env: {},
    ...(onStep ? { onStep } : {}),
  });
}

/** A bare graph of `nodes` no-op nodes in a row on a SqliteSaver at `file`. */
function bareGraph(file: string, nodes: number) {
  const State = new StateSchema({ n: z.number().default(0) });
  const builder = new StateGraph(State);
  const names = Array.from({ length: nodes }, (_, i) => `noop_${i}`);
  for (const name of names) builder.addNode(name, (s: { n: number }) => ({ n: s.n + 1 }));
  const graph = builder as unknown as StateGraph<typeof State, unknown, unknown, string>;
  graph.addEdge(START, names[0]!);
  for (let i = 1; i < names.length; i++) graph.addEdge(names[i - 1]!, names[i]!);
  graph.addEdge(names[names.length - 1]!, END);
  return graph.compile({ checkpointer: SqliteSaver.fromConnString(file) });
}

/** Runs `events` demo events through the full orchestrator and the bare graph, interleaved; latencies in ms. */
export async function interleavedGraphs(dir: string, events: number) {
  const store = await openStore(join(dir, "full.db"));
  await seedIfEmpty(store, { now: new Date(REFERENCE_ANCHOR) });
  // Nodes the full graph ran for the current event: each node once per step it ran in, the supervisor twice,
  // and the nodes of the follow-up runs the event caused (they are inside its timing too).
  let steps = 0;
  const orchestrator = benchOrchestrator(store, () => {
    steps++;
  });
  const bares = new Map<number, ReturnType<typeof bareGraph>>();
  const bareFile = join(dir, "bare.db");
  const full: number[] = [];
  const bare: number[] = [];
  let nodes = 0;
  let i = 0;
  const runFull = async (item: Awaited<ReturnType<typeof benchEvents>>[number]) => {
    steps = 0;
    const t = performance.now();
    await orchestrator.submitEvent(item.event, { at: item.at });
    full.push(performance.now() - t);
    return Math.max(1, steps);
  };
  const runBare = async (count: number) => {
    let app = bares.get(count);
    if (!app) {
      app = bareGraph(bareFile, count);
      bares.set(count, app);
    }
    const t = performance.now();
    await app.invoke({ n: 0 }, { configurable: { thread_id: `bare-${i % 50}` }, durability: "sync" });
    bare.push(performance.now() - t);
  };
  for (const item of await benchEvents(store, events)) {
    // The bare graph needs this event's node count, so on odd events it runs the previous event's count first.
    if (i % 2 === 0) {
      const count = await runFull(item);
      await runBare(count);
      nodes += count;
    } else {
      await runBare(Math.max(1, Math.round(nodes / Math.max(1, full.length))));
      nodes += await runFull(item);
    }
    i++;
  }
  await store.close();
  return { full: latencyStats(full), bare: latencyStats(bare), meanNodes: nodes / full.length };
}
