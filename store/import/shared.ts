import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** What happened to one imported row; a rejected row carries the reason a person reads. */
export type RowOutcome =
  | { line: number; outcome: "inserted" | "updated" | "unchanged" }
  | { line: number; outcome: "rejected"; reason: string };

// Keeps `where key in (…)` lists well under SQLite's bound-parameter limit.
const CHUNK = 500;

/** Splits keys into lists small enough for one `in (…)` query. */
export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Loads rows by key in chunks and indexes them by that key. */
export async function loadByKey<Row>(
  keys: readonly string[],
  load: (chunk: string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  for (const chunk of chunked([...new Set(keys)])) {
    for (const row of await load(chunk)) found.set(keyOf(row), row);
  }
  return found;
}

/** Whether every listed column holds the same value in both rows (numbers from the driver compared as numbers). */
export function sameColumns<K extends string>(
  next: Readonly<Record<K, unknown>>,
  stored: Readonly<Record<K, unknown>>,
  columns: readonly K[],
): boolean {
  return columns.every((column) => {
    const x = next[column];
    const y = stored[column];
    return typeof x === "bigint" || typeof y === "bigint" ? Number(x) === Number(y) : x === y;
  });
}

class DryRun extends Error {}

/** Runs `fn` inside one transaction that is always rolled back: what it reports happened, nothing stays written. */
export async function rolledBack<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = { value: await fn(trx) };
      throw new DryRun("roll back");
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  if (result === undefined) throw new Error("the dry run returned nothing");
  return result.value;
}
