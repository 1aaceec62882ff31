import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { QUEUE_SCHEMA } from "./boss.ts";
import { RUN_QUEUE } from "./job.ts";

/**
 * Of these runs, the ones the queue is about to deliver: a job waiting or to retry that is due now, not a safety
 * net held back for later. Such a run is the workers' to start; a process resuming unfinished runs leaves it to
 * them instead of racing them for it. (A job being worked belongs to a run its worker owns, which the owner
 * check covers; if that worker died, its run is anyone's once the lease expires.)
 */
export async function runsDueInQueue(db: Kysely<Database>, runIds: readonly string[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await sql<{ run_id: string }>`
    select distinct data->>'runId' as run_id from ${sql.table(`${QUEUE_SCHEMA}.job`)}
    where name = ${RUN_QUEUE} and state in ('created', 'retry') and start_after <= now()
      and data->>'runId' in (${sql.join(runIds)})`.execute(db);
  return new Set(rows.rows.map((r) => r.run_id));
}
