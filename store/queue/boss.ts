import { CompiledQuery, type Kysely } from "kysely";
import type pg from "pg";
import PgBoss from "pg-boss";
import { SystemError } from "../../domain/errors.ts";
import type { Database } from "../schema.ts";
import { DEAD_RUN_QUEUE, RUN_QUEUE, type RunJob } from "./job.ts";

/** pg-boss's schema in the store's database. */
export const QUEUE_SCHEMA = "pgboss";

/** How jobs expire and retry; the environment can shorten them (the kill test does). */
export interface QueueSettings {
  /** A job active this long without completing is failed by pg-boss and retried: a dead worker's job comes back. */
  readonly expireSeconds: number;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** How often a worker's pg-boss looks for expired jobs (one process at a time does). */
  readonly maintainSeconds: number;
}

/** The settings from GROWTH_QUEUE_* variables, else defaults fit for minutes-long LLM runs. */
export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const read = (name: string, fallback: number) => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new SystemError("queue_setting_invalid", `${name}=${text} is not a whole number of seconds ≥ 1.`);
    }
    return n;
  };
  return {
    expireSeconds: read("GROWTH_QUEUE_EXPIRE_SECONDS", 900),
    retryLimit: read("GROWTH_QUEUE_RETRY_LIMIT", 20),
    retryDelaySeconds: read("GROWTH_QUEUE_RETRY_DELAY_SECONDS", 2),
    maintainSeconds: read("GROWTH_QUEUE_MAINTAIN_SECONDS", 30),
  };
}

/** pg-boss's `db` seam over the store's shared pool: pg-boss opens no pool of its own. */
function poolAdapter(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** pg-boss's `db` seam over a Kysely transaction, so a job is inserted in the caller's transaction. */
export function transactionAdapter(trx: Kysely<Database>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

/**
 * A pg-boss instance that only builds jobs on a caller's transaction (`enqueueRun` passes it): it has no
 * connection of its own, so a send without a transaction fails instead of committing apart from its run.
 */
export function transactionalSender(): PgBoss {
  const boss = new PgBoss({
    db: {
      executeSql: () =>
        Promise.reject(
          new SystemError("queue_no_transaction", "A run's job is sent only inside its accept transaction."),
        ),
    },
    schema: QUEUE_SCHEMA,
  });
  boss.on("error", () => {});
  return boss;
}

/** A pg-boss instance on the store's pool (not started: `start()` it to work jobs). */
export function createBoss(
  pool: pg.Pool,
  settings: QueueSettings,
  options: { supervise?: boolean } = {},
): PgBoss {
  const boss = new PgBoss({
    db: poolAdapter(pool),
    schema: QUEUE_SCHEMA,
    migrate: false,
    supervise: options.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: settings.maintainSeconds,
  });
  // pg-boss reports maintenance and polling failures as events; the next poll reports again.
  boss.on("error", () => {});
  return boss;
}

/**
 * Installs (or migrates) pg-boss's schema and creates the run queues if missing. The caller holds the store's
 * schema lock, so two processes starting at once do this one after the other.
 */
export async function installQueue(pool: pg.Pool, settings: QueueSettings = queueSettings()): Promise<void> {
  const boss = new PgBoss({
    db: poolAdapter(pool),
    schema: QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    if (!(await boss.getQueue(DEAD_RUN_QUEUE)))
      await boss.createQueue(DEAD_RUN_QUEUE, { name: DEAD_RUN_QUEUE });
    if (!(await boss.getQueue(RUN_QUEUE))) {
      await boss.createQueue(RUN_QUEUE, {
        name: RUN_QUEUE,
        deadLetter: DEAD_RUN_QUEUE,
        expireInSeconds: settings.expireSeconds,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
      });
    }
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}

/**
 * Inserts a run's job inside the caller's transaction (`db`), so the run and its job commit or roll back
 * together. `delaySeconds` holds the job back: a run this process executes itself keeps a job as a safety net.
 */
export async function enqueueRun(
  boss: PgBoss,
  db: Kysely<Database>,
  job: RunJob,
  settings: QueueSettings,
  options: { delaySeconds?: number } = {},
): Promise<string> {
  const id = await boss.send(RUN_QUEUE, job, {
    db: transactionAdapter(db),
    expireInSeconds: settings.expireSeconds,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
  });
  if (!id)
    throw new SystemError(
      "queue_send_failed",
      `pg-boss did not accept the job for run ${job.runId}; run \`growth migrate\`.`,
    );
  return id;
}
