import { type Kysely, type Selectable, sql } from "kysely";
import { hotStatement } from "../compiled-query.ts";
import { dialectOf } from "../dialect.ts";
import type { Database, EventsTable } from "../schema.ts";
import { inTransaction } from "../transaction.ts";

// Postgres hands out serial values outside transactions (a rolled-back or conflicting insert still spends
// one), so there the log numbers its own rows: under this transaction-scoped advisory lock, the next seq is
// max + 1, and appends commit in seq order.
const EVENT_LOG_LOCK = 0x65766e74; // "evnt"

/** One entry for the append-only event log. */
export interface EventRecord {
  /** Deterministic where the writer may run twice (a node re-executed on resume), so a retry is a no-op. */
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  correlationId: string;
  causationId: string | null;
  source: string;
  payload: unknown;
  occurredAt: Date;
}

/** A stored event as read back. */
export interface StoredEvent extends EventRecord {
  seq: number;
}

/**
 * Appends events; an id already present is skipped, so re-running a writer never duplicates. Each row is
 * inserted only when its id is absent (not merely ignored on conflict), because an ignored insert still
 * spends a sequence number and would leave a gap in the log. On Postgres the append joins (or opens) a
 * transaction holding the event-log lock until it commits.
 */
export async function appendEvents(db: Kysely<Database>, events: readonly EventRecord[]): Promise<number> {
  if (events.length === 0) return 0;
  if (dialectOf(db) === "sqlite") return insertEach(db, events, false);
  const locked = async (trx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(EVENT_LOG_LOCK)})`.execute(trx);
    return insertEach(trx, events, true);
  };
  return inTransaction(db, locked);
}

async function insertEach(
  db: Kysely<Database>,
  events: readonly EventRecord[],
  numbered: boolean,
): Promise<number> {
  let inserted = 0;
  const insert = numbered ? insertNumbered : insertEvent;
  for (const e of events) {
    const result = await insert(
      db,
      e.id,
      e.type,
      e.entityType,
      e.entityId,
      e.correlationId,
      e.causationId,
      e.source,
      JSON.stringify(e.payload ?? null),
      e.occurredAt.toISOString(),
    );
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

// One event's insert, compiled once: every node of every run appends to the log.
const insertEventWith = (numbered: boolean) =>
  hotStatement(
    (
      db,
      id: string,
      type: string,
      entityType: string,
      entityId: string,
      correlationId: string,
      causationId: string | null,
      source: string,
      payload: string,
      occurredAt: string,
    ) =>
      db
        .insertInto("events")
        .columns([
          ...(numbered ? (["seq"] as const) : []),
          "id",
          "type",
          "entity_type",
          "entity_id",
          "correlation_id",
          "causation_id",
          "source",
          "payload",
          "occurred_at",
        ])
        .expression(
          db
            .selectNoFrom((eb) => [
              ...(numbered ? [sql<number>`(select coalesce(max(seq), 0) + 1 from events)`.as("seq")] : []),
              eb.val(id).as("id"),
              eb.val(type).as("type"),
              eb.val(entityType).as("entity_type"),
              eb.val(entityId).as("entity_id"),
              eb.val(correlationId).as("correlation_id"),
              eb.val(causationId).as("causation_id"),
              eb.val(source).as("source"),
              eb.val(payload).as("payload"),
              eb.val(occurredAt).as("occurred_at"),
            ])
            .where(({ not, exists, selectFrom }) =>
              not(exists(selectFrom("events").select("seq").where("id", "=", id))),
            ),
        )
        .onConflict((oc) => oc.column("id").doNothing()),
  );
const insertEvent = insertEventWith(false);
const insertNumbered = insertEventWith(true);

/** Sequence numbers missing between the first and the last event: zero for a log with no gaps. */
export async function eventLogGaps(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("events")
    .select((eb) => [
      eb.fn.min<number>("seq").as("lo"),
      eb.fn.max<number>("seq").as("hi"),
      eb.fn.countAll<number>().as("n"),
    ])
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n === 0 ? 0 : Number(row.hi) - Number(row.lo) + 1 - n;
}

/** Every event of one request, in log order. */
export async function eventsByCorrelation(
  db: Kysely<Database>,
  correlationId: string,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("correlation_id", "=", correlationId)
    .orderBy("seq")
    .execute();
  return rows.map(toStored);
}

/** Events of one type, newest first. */
export async function eventsByType(db: Kysely<Database>, type: string, limit = 100): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("type", "=", type)
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

/** Counts events by type, for summaries. */
export async function countEventsByType(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("events")
    .select(["type", db.fn.countAll<number>().as("n")])
    .groupBy("type")
    .orderBy("type")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

function toStored(row: Selectable<EventsTable>): StoredEvent {
  return {
    seq: row.seq,
    id: row.id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    source: row.source,
    payload: JSON.parse(row.payload),
    occurredAt: new Date(row.occurred_at),
  };
}

/** The log position of each event with one of these ids, for ordering what they record (absent ids are left out). */
export async function eventSeqs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("events").select(["id", "seq"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, Number(r.seq)]));
}
