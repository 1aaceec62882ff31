import { sql } from "kysely";
import type { Store } from "../../store/db.ts";

/**
 * A store's outbox in a form two stores can be compared by: every run id (random per store) replaced by its
 * run's request key (the event's dedupe key, the same in both), wall-clock instants dropped, sorted.
 */
export async function comparableOutbox(store: Store): Promise<string[]> {
  const runs = await store.db.selectFrom("runs").select(["id", "request_key"]).execute();
  const keyOf = new Map(runs.map((r) => [r.id, r.request_key]));
  const rows = await sql<{
    idempotency_key: string;
    run_id: string;
    thread_id: string;
    action_type: string;
    payload: string;
    status: string;
  }>`select idempotency_key, run_id, thread_id, action_type, payload, status from outbox`.execute(store.db);
  const runIds = new RegExp([...keyOf.keys()].map((id) => id.replace(/-/g, "\\-")).join("|") || "^$", "g");
  const normal = (text: string) =>
    text
      .replace(runIds, (id) => `<${keyOf.get(id)}>`)
      // Instants are when the run executed (wall clock): they differ between any two runs of the same events.
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<instant>");
  return rows.rows
    .map((r) =>
      [r.thread_id, normal(r.idempotency_key), r.action_type, r.status, normal(r.payload)].join(" | "),
    )
    .sort();
}

/** The delivery invariants of a store after a run of the cluster, as numbers. */
export async function deliveryFigures(store: Store) {
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(store.db)).rows[0]?.n ?? 0);
  return {
    runs: await count(sql`select count(*) as n from runs`),
    notTerminal: await count(
      sql`select count(*) as n from runs where status not in ('completed', 'failed', 'dead_lettered')`,
    ),
    acceptedWithoutRun: await count(sql`
      select count(*) as n from events e where e.id like '%:accepted'
        and not exists (select 1 from runs r where r.id || ':accepted' = e.id)`),
    runsWithoutAccepted: await count(sql`
      select count(*) as n from runs r where not exists (select 1 from events e where e.id = r.id || ':accepted')`),
    duplicateKeys: await count(sql`
      select count(*) as n from (select idempotency_key from outbox group by idempotency_key having count(*) > 1) d`),
    duplicateTouches: await count(sql`
      select count(*) as n from (select 1 from touches where idempotency_key is not null
        group by contact_email, content_hash, occurred_at having count(*) > 1) d`),
    touchesWithoutOutbox: await count(sql`
      select count(*) as n from touches t where t.idempotency_key is not null
        and not exists (select 1 from outbox o where o.idempotency_key = t.idempotency_key)`),
    leasesHeld: await count(sql`select count(*) as n from leases`),
    runsOwned: await count(sql`select count(*) as n from runs where owner_id is not null`),
    jobsOpen: await count(
      sql`select count(*) as n from pgboss.job where name = 'growth-runs' and state < 'completed'`,
    ),
    // Jobs that came back after their worker was killed (expired, retried), or were deferred by a drain.
    jobsRetried: await count(
      sql`select count(*) as n from pgboss.job where name = 'growth-runs' and retry_count > 0`,
    ),
    jobsDead: await count(sql`select count(*) as n from pgboss.job where name = 'growth-runs-dead'`),
    outbox: await count(sql`select count(*) as n from outbox`),
  };
}
