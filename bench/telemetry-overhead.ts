// The telemetry scenario: what instrumentation costs an event with tracing OFF (the default). Two identical seeded
// stores run the same demo events INTERLEAVED (alternating which goes first): one orchestrator as the CLI builds it,
// one with the process metrics `growth serve` injects. Both carry the always-present no-op spans, so their cost is
// measured apart: spans per event (counted once with an in-memory exporter, after the timed part) × the time of one
// no-op span, as a share of an event's p50.
import { join } from "node:path";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { createOrchestrator } from "../runtime/app.ts";
import { createLogger } from "../runtime/logger.ts";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../runtime/seed/index.ts";
import { openStore } from "../store/db.ts";
import { createMetrics } from "../telemetry/metrics.ts";
import { startTracing } from "../telemetry/setup.ts";
import { inSpan } from "../telemetry/tracing.ts";
import { benchEvents } from "./graph-throughput.ts";
import { latencyStats } from "./stats.ts";

/** Microseconds of one no-op span (tracing off): `inSpan` around an already resolved promise. */
async function noopSpanMicros(rounds = 20_000): Promise<number> {
  const work = () => Promise.resolve(1);
  for (let i = 0; i < 1_000; i++) await inSpan("warm", {}, work);
  const t = performance.now();
  for (let i = 0; i < rounds; i++) await inSpan("noop", { a: i }, work);
  const bare = performance.now();
  for (let i = 0; i < rounds; i++) await work();
  const end = performance.now();
  return ((bare - t - (end - bare)) * 1_000) / rounds;
}

/** Runs `events` demo events on both orchestrators interleaved, then counts spans per event; latencies in ms. */
export async function telemetryOverhead(dir: string, events: number) {
  const open = async (name: string) => {
    const store = await openStore(join(dir, name));
    await seedIfEmpty(store, { now: new Date(REFERENCE_ANCHOR) });
    return store;
  };
  const plainStore = await open("tel-plain.db");
  const meteredStore = await open("tel-metered.db");
  const logger = createLogger({ level: "silent" });
  const plain = createOrchestrator(plainStore, logger, { env: {} });
  const metrics = createMetrics({ store: meteredStore });
  const metered = createOrchestrator(meteredStore, logger, { env: {}, telemetry: metrics.run });
  const list = await benchEvents(plainStore, events);
  const a: number[] = [];
  const b: number[] = [];
  const timed = async (o: typeof plain, out: number[], item: (typeof list)[number]) => {
    const t = performance.now();
    await o.submitEvent(item.event, { at: item.at });
    out.push(performance.now() - t);
  };
  for (const [i, item] of list.entries()) {
    if (i % 2 === 0) {
      await timed(plain, a, item);
      await timed(metered, b, item);
    } else {
      await timed(metered, b, item);
      await timed(plain, a, item);
    }
  }
  const spanMicros = await noopSpanMicros();
  // Spans per event, counted with tracing on (a fresh store, the same first events).
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({}, { exporter, batch: false });
  const countStore = await open("tel-count.db");
  const counted = createOrchestrator(countStore, logger, { env: {} });
  const sample = list.slice(0, Math.min(20, list.length));
  for (const item of sample) await counted.submitEvent(item.event, { at: item.at });
  const spansPerEvent = exporter.getFinishedSpans().length / sample.length;
  await tracing?.shutdown();
  await Promise.all([plainStore.close(), meteredStore.close(), countStore.close()]);
  const plainStats = latencyStats(a);
  return {
    plain: plainStats,
    metered: latencyStats(b),
    spanMicros,
    spansPerEvent,
    spanShare: (spansPerEvent * spanMicros) / 1_000 / plainStats.p50,
  };
}
