import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "./dialect.ts";
import { appendEvents } from "./repos/events.ts";
import type { Database } from "./schema.ts";

/** The CRM tables a seed fills (and `replace` wipes), in the order they are written. */
export const SEED_TABLES = [
  "accounts",
  "contacts",
  "leads",
  "opportunities",
  "opportunity_stage_history",
  "campaigns",
  "touches",
  "suppressions",
  "sequences",
] as const;

/** One of the seeded CRM tables. */
export type SeedTable = (typeof SEED_TABLES)[number];

/** Rows for every seeded table, keyed by table name. */
export type SeedRows = { readonly [T in SeedTable]: readonly Insertable<Database[T]>[] };

/** How a seed is written: `replace` wipes the CRM tables first, `onlyIfEmpty` writes nothing if accounts exist. */
export interface WriteSeedOptions {
  readonly replace?: boolean;
  readonly onlyIfEmpty?: boolean;
  /** Which engine the store runs on; decides how auto-increment counters are reset on `replace`. */
  readonly dialect?: Dialect;
  /** The seed and anchor that produced the rows, kept in the event log so the demo can regenerate them. */
  readonly record?: SeedRecord;
}

/** What a seed was generated from: its seed number and anchor date (ISO UTC). */
export interface SeedRecord {
  readonly seed: number;
  readonly anchor: string;
}

/** SQLite refuses statements with more bound parameters than this (Postgres allows 65,535). */
const MAX_BOUND_PARAMETERS = 32_766;

/**
 * Writes seed rows into the store in one transaction, with multi-row inserts sized to stay under the
 * bound-parameter limit; returns false (and writes nothing) when `onlyIfEmpty` finds existing accounts.
 */
export async function writeSeed(
  db: Kysely<Database>,
  rows: SeedRows,
  options: WriteSeedOptions = {},
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Checked inside the transaction, so a concurrent seed cannot slip in between check and write.
    if (options.onlyIfEmpty && !options.replace && !(await isStoreEmpty(trx))) return false;
    if (options.replace) await wipeSeedTables(trx, options.dialect ?? "sqlite");
    for (const table of SEED_TABLES) await insertBatched(trx, table, rows[table]);
    if (options.record) await recordSeed(trx, options.record);
    return true;
  });
}

/** True when the store holds no accounts, the sign that it has never been seeded or imported into. */
export async function isStoreEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("accounts").select("domain").limit(1).executeTakeFirst();
  return row === undefined;
}

/** The seed and anchor the store's CRM data was last seeded from, or null (never seeded, e.g. imported). */
export async function latestSeedRecord(db: Kysely<Database>): Promise<SeedRecord | null> {
  const row = await db
    .selectFrom("events")
    .select("payload")
    .where("type", "=", "store_seeded")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const payload = JSON.parse(row.payload) as Partial<SeedRecord>;
  return typeof payload.seed === "number" && typeof payload.anchor === "string"
    ? { seed: payload.seed, anchor: payload.anchor }
    : null;
}

async function recordSeed(trx: Transaction<Database>, record: SeedRecord): Promise<void> {
  // A reseed with the same seed and anchor gets its own entry, so the newest entry is always the data's origin.
  const earlier = await trx
    .selectFrom("events")
    .select(trx.fn.countAll<number>().as("n"))
    .where("type", "=", "store_seeded")
    .executeTakeFirstOrThrow();
  await appendEvents(trx, [
    {
      id: `seed:${record.seed}:${record.anchor}:${Number(earlier.n) + 1}`,
      type: "store_seeded",
      entityType: "store",
      entityId: "crm",
      correlationId: "seed",
      causationId: null,
      source: "seed",
      payload: { seed: record.seed, anchor: record.anchor },
      occurredAt: new Date(record.anchor),
    },
  ]);
}

async function insertBatched<T extends SeedTable>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  // Rows may omit optional columns; the widest row decides how many fit in one statement.
  const perRow = rows.reduce((most, row) => Math.max(most, Object.keys(row).length), 1);
  const size = Math.floor(MAX_BOUND_PARAMETERS / perRow);
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

/** Empties the CRM tables and restarts their id counters, so a reseed numbers rows exactly like a fresh one. */
async function wipeSeedTables(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") {
    await sql`truncate table ${sql.join(SEED_TABLES.map((t) => sql.table(t)))} restart identity`.execute(trx);
    return;
  }
  for (const table of SEED_TABLES) await trx.deleteFrom(table).execute();
  await sql`delete from sqlite_sequence where name in (${sql.join([...SEED_TABLES])})`.execute(trx);
}
