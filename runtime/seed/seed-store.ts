import { UserError } from "../../domain/errors.ts";
import type { Store } from "../../store/db.ts";
import { isStoreEmpty, SEED_TABLES, type SeedTable, writeSeed } from "../../store/seed-writer.ts";
import { type DemoData, generateDemoData } from "./generate.ts";

/** What a seed run wrote: the seed, the anchor, rows per table and how long it took. */
export interface SeedReport {
  readonly seed: number;
  readonly anchor: string;
  readonly counts: Readonly<Record<SeedTable, number>>;
  readonly elapsedMs: number;
}

/** Options for seeding a store: the seed, the anchor date, and whether to wipe the CRM tables first. */
export interface SeedStoreOptions {
  readonly seed?: number;
  /** The anchor ("now" of the dataset); the CLI passes the start of the current UTC day. */
  readonly now: Date;
  readonly replace?: boolean;
}

/** Generates the demo data and writes it in one transaction, wiping the CRM tables first when `replace` is set. */
export async function seedStore(store: Store, options: SeedStoreOptions): Promise<SeedReport> {
  const started = performance.now();
  const data = generateDemoData(options);
  await writeSeed(store.db, data, {
    replace: options.replace ?? false,
    dialect: store.dialect,
    record: { seed: data.seed, anchor: data.anchor },
  });
  return report(data, started);
}

/**
 * Seeds the store only if it holds no accounts, so callers such as `growth demo` can run it every time;
 * returns null (and writes nothing) when the store already has data.
 */
export async function seedIfEmpty(
  store: Store,
  options: Omit<SeedStoreOptions, "replace">,
): Promise<SeedReport | null> {
  if (!(await isStoreEmpty(store.db))) return null;
  const started = performance.now();
  const data = generateDemoData(options);
  const written = await writeSeed(store.db, data, {
    onlyIfEmpty: true,
    dialect: store.dialect,
    record: { seed: data.seed, anchor: data.anchor },
  });
  return written ? report(data, started) : null;
}

/** The refusal `growth seed` gives on a store that already has data. */
export const STORE_NOT_EMPTY =
  "the store already has data; use --force to wipe and reseed, or --db to pick another file";

/**
 * What `growth seed` does: seeds an empty store, or wipes and reseeds with `force`; refuses a store that
 * has data with a UserError (exit code 2) and leaves it untouched.
 */
export async function runSeed(
  store: Store,
  options: { seed?: number; now: Date; force?: boolean },
): Promise<SeedReport> {
  const { seed, now } = options;
  if (options.force) return seedStore(store, { seed, now, replace: true });
  const report = await seedIfEmpty(store, { seed, now });
  if (report === null) throw new UserError("store_not_empty", STORE_NOT_EMPTY);
  return report;
}

function report(data: DemoData, started: number): SeedReport {
  const counts = Object.fromEntries(SEED_TABLES.map((t) => [t, data[t].length])) as Record<SeedTable, number>;
  return { seed: data.seed, anchor: data.anchor, counts, elapsedMs: performance.now() - started };
}
