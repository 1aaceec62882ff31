import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DemoCandidates } from "./queries/demo-candidates.ts";
import { appendEvents } from "./repos/events.ts";
import type { Database } from "./schema.ts";

/** Where the store's data last came from, as the event log records it; the newest entry decides. */
export type DataOrigin =
  | { readonly kind: "seed"; readonly seed: number; readonly anchor: string }
  | { readonly kind: "import" }
  | { readonly kind: "demo_source"; readonly candidates: DemoCandidates; readonly start: string }
  | { readonly kind: "none" };

const ORIGIN_TYPES = ["store_seeded", "store_imported", "demo_source_recorded"] as const;

/** The newest of the store's seed records, imports and recorded demo sources. */
export async function latestDataOrigin(db: Kysely<Database>): Promise<DataOrigin> {
  const row = await db
    .selectFrom("events")
    .select(["type", "payload"])
    .where("type", "in", [...ORIGIN_TYPES])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return { kind: "none" };
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  if (row.type === "store_seeded")
    return typeof payload.seed === "number" && typeof payload.anchor === "string"
      ? { kind: "seed", seed: payload.seed, anchor: payload.anchor }
      : { kind: "none" };
  if (row.type === "demo_source_recorded" && typeof payload.start === "string" && payload.candidates)
    return { kind: "demo_source", candidates: payload.candidates as DemoCandidates, start: payload.start };
  return { kind: "import" };
}

/** Records that an import changed the store (what each file wrote), so a demo source recorded before is stale. */
export async function recordImport(
  db: Kysely<Database>,
  files: readonly { file: string; inserted: number; updated: number }[],
  at: Date,
): Promise<void> {
  await appendEvents(db, [
    {
      id: `import:${randomUUID()}`,
      type: "store_imported",
      entityType: "store",
      entityId: "crm",
      correlationId: "import",
      causationId: null,
      source: "import",
      payload: { files },
      occurredAt: at,
    },
  ]);
}

/**
 * Records the demo stream's source of a store filled by import (its candidates as read now, and the stream's
 * start), so later demo runs draw the same stream however the runs change the store, until the next import.
 */
export async function recordDemoSource(
  db: Kysely<Database>,
  candidates: DemoCandidates,
  start: Date,
): Promise<void> {
  await appendEvents(db, [
    {
      id: `demo-source:${randomUUID()}`,
      type: "demo_source_recorded",
      entityType: "store",
      entityId: "crm",
      correlationId: "demo",
      causationId: null,
      source: "demo",
      payload: { candidates, start: start.toISOString() },
      occurredAt: start,
    },
  ]);
}
