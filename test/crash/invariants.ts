import { sql } from "kysely";
import type { Store } from "../../store/db.ts";

/** What the crash test checks at the end, as numbers to print and assert on. */
export interface CrashFigures {
  runs: Record<string, number>;
  accepted: number;
  acceptedWithoutTerminal: number;
  runsWithoutAccepted: number;
  events: number;
  seqGaps: number;
  outbox: number;
  outboxNotSent: number;
  effectEvents: number;
  touchesFromEffects: number;
  outreachOutbox: number;
  touchesWithoutOutbox: number;
  duplicateTouches: number;
  leasesHeld: number;
  /** Runs still carrying an owner after the last life stopped cleanly. */
  runsOwned: number;
  deadLetters: number;
}

/** Reads the crash-test invariants off a store. */
export async function crashFigures(store: Store): Promise<CrashFigures> {
  const db = store.db;
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(db)).rows[0]?.n ?? 0);
  const runs = Object.fromEntries(
    (
      await sql<{
        status: string;
        n: number;
      }>`select status, count(*) as n from runs group by status order by status`.execute(db)
    ).rows.map((r) => [r.status, Number(r.n)]),
  );
  const seq = await sql<{ lo: number; hi: number; n: number }>`
    select min(seq) as lo, max(seq) as hi, count(*) as n from events`.execute(db);
  const { lo, hi, n } = seq.rows[0]!;
  return {
    runs,
    accepted: await count(sql`select count(*) as n from events where id like '%:accepted'`),
    // Every accepted request has a run that reached its terminal event.
    acceptedWithoutTerminal: await count(sql`
      select count(*) as n from events a
      where a.id like '%:accepted'
        and (not exists (select 1 from runs r where r.id || ':accepted' = a.id
                           and r.status in ('completed', 'failed', 'dead_lettered'))
             or not exists (select 1 from events f
                              where f.id = substr(a.id, 1, length(a.id) - 9) || ':finished'))`),
    runsWithoutAccepted: await count(sql`
      select count(*) as n from runs r where not exists (select 1 from events e where e.id = r.id || ':accepted')`),
    events: Number(n),
    seqGaps: Number(n) === 0 ? 0 : Number(hi) - Number(lo) + 1 - Number(n),
    outbox: await count(sql`select count(*) as n from outbox`),
    outboxNotSent: await count(sql`select count(*) as n from outbox where status <> 'sent'`),
    effectEvents: await count(sql`select count(*) as n from events where type = 'effect_executed'`),
    touchesFromEffects: await count(sql`select count(*) as n from touches where idempotency_key is not null`),
    outreachOutbox: await count(
      sql`select count(*) as n from outbox where action_type in ('send_touch', 'enrol_in_campaign')`,
    ),
    touchesWithoutOutbox: await count(sql`
      select count(*) as n from touches t where t.idempotency_key is not null
        and not exists (select 1 from outbox o where o.idempotency_key = t.idempotency_key)`),
    // The same message to the same contact at the same instant twice: a resumed run sending again.
    duplicateTouches: await count(sql`
      select count(*) as n from (select 1 from touches where idempotency_key is not null
        group by contact_email, content_hash, occurred_at having count(*) > 1) as d`),
    leasesHeld: await count(sql`select count(*) as n from leases`),
    runsOwned: await count(sql`select count(*) as n from runs where owner_id is not null`),
    deadLetters: await count(sql`select count(*) as n from dead_letters`),
  };
}
