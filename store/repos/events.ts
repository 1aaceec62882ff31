import type { Kysely, Selectable } from "kysely";
import type { Database, EventsTable } from "../schema.ts";

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

/** Appends events; an id already present is skipped, so re-running a writer never duplicates. */
export async function appendEvents(db: Kysely<Database>, events: readonly EventRecord[]): Promise<number> {
  if (events.length === 0) return 0;
  const result = await db
    .insertInto("events")
    .values(
      events.map((e) => ({
        id: e.id,
        type: e.type,
        entity_type: e.entityType,
        entity_id: e.entityId,
        correlation_id: e.correlationId,
        causation_id: e.causationId,
        source: e.source,
        payload: JSON.stringify(e.payload ?? null),
        occurred_at: e.occurredAt.toISOString(),
      })),
    )
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
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
