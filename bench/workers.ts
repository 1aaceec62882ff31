// The workers scenario: throughput of 1, 2 and 4 `growth worker` processes (concurrency 1 each) on one PostgreSQL
// database, in playbook mode and in LLM mode against the local wire mock answering every call after 200 ms.
// Each row: a fresh database seeded alike, the workers started and registered, then `growth emit` of the same
// demo events (accepted and queued) and the time until every run settled. Needs a PostgreSQL server
// (GROWTH_BENCH_PG_URL, default the local one); databases are named GROWTH_BENCH_PG_PREFIX + random and dropped.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LLMock } from "@copilotkit/aimock";
import pg from "pg";
import { scriptedAnswer } from "../evals/scripted-model/responder.ts";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../runtime/seed/index.ts";
import { openStore } from "../store/db.ts";
import { listWorkers } from "../store/repos/workers.ts";
import { WorkerCluster, waitSettled } from "../test/workers/cluster.ts";
import { benchEvents } from "./graph-throughput.ts";

const ADMIN_URL = process.env.GROWTH_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX = process.env.GROWTH_BENCH_PG_PREFIX ?? "growth_bench_";
const ROOT = join(import.meta.dirname, "..");

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** One measured row: mode, workers, runs settled and runs per second. */
export interface WorkersRow {
  mode: "playbook" | "llm (200 ms model)";
  workers: number;
  runs: number;
  /** Model calls in the ledger: none in playbook mode. */
  modelCalls: number;
  seconds: number;
  perSecond: number;
}

async function measure(dir: string, events: number, workers: number, env: NodeJS.ProcessEnv) {
  const name = `${PREFIX}${randomBytes(5).toString("hex")}`;
  await admin(`create database "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore(url.toString());
  try {
    await seedIfEmpty(store, { now: new Date(REFERENCE_ANCHOR) });
    const file = join(dir, `events-${name}.json`);
    const items = await benchEvents(store, events);
    writeFileSync(file, JSON.stringify(items.map((i) => i.event)));
    const cluster = new WorkerCluster(url.toString(), { workers, concurrency: 1, env });
    try {
      for (
        const until = Date.now() + 120_000;
        Date.now() < until;
        await new Promise((r) => setTimeout(r, 200))
      ) {
        if ((await listWorkers(store.db, new Date())).filter((w) => w.live).length >= workers) break;
      }
      const { growthAsync } = await import("../test/helpers/cli.ts");
      const emit = await growthAsync(["emit", file], { env: { DATABASE_URL: url.toString(), ...env } });
      if (emit.code !== 0) throw new Error(`emit failed: ${emit.stderr}`);
      await waitSettled(store, new Set(items.map((i) => i.event.correlation_id)).size, 600_000);
      // From the first accept to the last finish, as the store recorded them: the emit process's start-up is out.
      const span = await store.db
        .selectFrom("runs")
        .select((eb) => [
          eb.fn.countAll().as("n"),
          eb.fn.min("started_at").as("first"),
          eb.fn.max("finished_at").as("last"),
        ])
        .executeTakeFirstOrThrow();
      const calls = await store.db
        .selectFrom("llm_calls")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      const seconds = (Date.parse(String(span.last)) - Date.parse(String(span.first))) / 1000;
      return { runs: Number(span.n), seconds, modelCalls: Number(calls.n) };
    } finally {
      await cluster.drain();
    }
  } finally {
    await store.close();
    await admin(`drop database if exists "${name}" with (force)`);
  }
}

/** Runs the scenario: 1, 2 and 4 workers in both modes. */
export async function workersScenario(
  dir: string,
  events: number,
  log: (line: string) => void,
): Promise<WorkersRow[]> {
  const rows: WorkersRow[] = [];
  const mock = new LLMock({ port: 0, host: "127.0.0.1", chaos: { latencyMs: 200 } });
  mock.on({ predicate: () => true }, scriptedAnswer);
  await mock.start();
  try {
    const modes = [
      { mode: "playbook" as const, env: {} },
      {
        mode: "llm (200 ms model)" as const,
        env: {
          GROWTH_MODEL: "openai:scripted",
          GROWTH_MODELS_FILE: join(ROOT, "evals/scripted-model/models.json"),
          OPENAI_API_KEY: "scripted-model",
          OPENAI_BASE_URL: `${mock.url}/v1`,
        },
      },
    ];
    for (const { mode, env } of modes) {
      for (const workers of [1, 2, 4]) {
        log(`workers: ${mode}, ${workers} worker(s), ${events} events`);
        const { runs, seconds, modelCalls } = await measure(dir, events, workers, env);
        rows.push({ mode, workers, runs, modelCalls, seconds, perSecond: runs / seconds });
      }
    }
  } finally {
    await mock.stop();
  }
  return rows;
}
