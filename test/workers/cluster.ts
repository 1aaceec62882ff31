import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { sql } from "kysely";
import type { Store } from "../../store/db.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "growth.js");

/**
 * Short leases and expiries, so a killed worker's job comes back in seconds: the run lease (3 s, heartbeat
 * 0.5 s) and the job expiry (8 s) with pg-boss maintenance every second.
 */
export const FAST_RECOVERY_ENV: NodeJS.ProcessEnv = {
  GROWTH_RUN_LEASE_MS: "3000",
  GROWTH_RUN_HEARTBEAT_MS: "500",
  GROWTH_QUEUE_EXPIRE_SECONDS: "8",
  GROWTH_QUEUE_RETRY_DELAY_SECONDS: "1",
  GROWTH_QUEUE_RETRY_LIMIT: "200",
  GROWTH_QUEUE_MAINTAIN_SECONDS: "1",
};

/** One `growth worker` process of a cluster, respawned under the same slot after a kill. */
interface Slot {
  child: ChildProcess;
  spawnedAt: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: string[];
}

/** N `growth worker` processes on one database, which a test can SIGKILL and restart, then drain. */
export class WorkerCluster {
  private readonly slots: Slot[] = [];
  kills = 0;

  constructor(
    private readonly url: string,
    private readonly options: {
      workers: number;
      concurrency: number;
      env?: NodeJS.ProcessEnv;
      /** More `growth worker` flags (e.g. `--schedule`). */
      args?: readonly string[];
    },
  ) {
    for (let i = 0; i < options.workers; i++) this.slots.push(this.spawnOne());
  }

  private spawnOne(): Slot {
    const child = spawn(
      process.execPath,
      [BIN, "worker", "--concurrency", String(this.options.concurrency), ...(this.options.args ?? [])],
      {
        env: {
          ...process.env,
          GROWTH_LOG_LEVEL: "warn",
          DATABASE_URL: this.url,
          ...FAST_RECOVERY_ENV,
          ...this.options.env,
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    const stderr: string[] = [];
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr.push(chunk.toString());
      if (stderr.length > 200) stderr.shift();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    return { child, exited, stderr, spawnedAt: Date.now() };
  }

  /** The slots whose current process has one of `pids`. */
  slotsOf(pids: Set<number>): number[] {
    return this.slots.flatMap((s, i) => (pids.has(s.child.pid ?? -1) ? [i] : []));
  }

  /**
   * SIGKILLs worker `i` (no drain, no release: its runs keep their owner until the lease expires) and starts a
   * new one; returns the killed process's pid.
   */
  async killAndRestart(i: number): Promise<number> {
    const slot = this.slots[i]!;
    slot.child.kill("SIGKILL");
    await slot.exited;
    this.kills++;
    this.slots[i] = this.spawnOne();
    return slot.child.pid!;
  }

  /** SIGTERMs every worker and waits for each to drain and exit; returns their exit codes. */
  async drain(): Promise<(number | null)[]> {
    for (const slot of this.slots) slot.child.kill("SIGTERM");
    return Promise.all(this.slots.map(async (s) => (await s.exited).code));
  }

  /** Everything worker `i` wrote to standard error (the recent part, for a test to read its log lines). */
  stderrOf(i: number): string {
    return this.slots[i]!.stderr.join("");
  }

  /** The recent standard error of each worker (for a failing test's message). */
  stderr(): string {
    return this.slots.map((s, i) => `--- worker ${i}\n${s.stderr.join("")}`).join("\n");
  }

  get size(): number {
    return this.slots.length;
  }
}

/**
 * The unfinished runs a killed worker process still owns: the runs the kill interrupted (a live worker releases
 * a run's ownership as it finishes; owner ids carry the pid, see runtime/ownership).
 */
export async function runsOwnedByPid(store: Store, pid: number): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*) as n from runs where status in ('queued', 'running') and owner_id like ${`%:${pid}:%`}`.execute(
    store.db,
  );
  return Number(row.rows[0]?.n ?? 0);
}

/** The pids whose processes own an unfinished run now (owner ids carry the pid, see runtime/ownership). */
export async function pidsOwningRuns(store: Store): Promise<Set<number>> {
  const rows = await sql<{ owner_id: string }>`
    select distinct owner_id from runs where status in ('queued', 'running') and owner_id is not null`.execute(
    store.db,
  );
  const pids = rows.rows.map((r) => /:(\d+):[0-9a-f]+$/.exec(r.owner_id)?.[1]);
  return new Set(pids.filter((pid) => pid !== undefined).map(Number));
}

/** How many runs are not settled (queued or running) and how many exist. */
export async function runProgress(store: Store): Promise<{ runs: number; unsettled: number }> {
  const row = await sql<{ runs: number; unsettled: number }>`
    select count(*) as runs, count(*) filter (where status in ('queued', 'running')) as unsettled from runs`.execute(
    store.db,
  );
  return { runs: Number(row.rows[0]?.runs ?? 0), unsettled: Number(row.rows[0]?.unsettled ?? 0) };
}

/** Waits until at least `minRuns` runs exist and none is queued or running, polling every 200 ms. */
export async function waitSettled(store: Store, minRuns: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const p = await runProgress(store);
    if (p.runs >= minRuns && p.unsettled === 0) return;
    if (Date.now() > until) throw new Error(`runs not settled after ${timeoutMs} ms: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
