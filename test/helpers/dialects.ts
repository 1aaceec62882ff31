import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import { openStore, type Store } from "../../store/db.ts";
import type { Dialect } from "../../store/dialect.ts";
import { createTestDatabase, PG_SKIP_REASON } from "./pg.ts";

/** A throw-away place for a store: a temp SQLite file or a fresh Postgres database, and how to remove it. */
export interface TestLocation {
  readonly dialect: Dialect;
  /** What openStore and `--db` take: the file path or the database URL. */
  readonly location: string;
  /** A temp directory for the test's own files (event JSON, exports), removed with the store. */
  readonly dir: string;
  remove(): Promise<void>;
}

/** Makes a new, empty store location of a dialect. */
export async function testLocation(dialect: Dialect): Promise<TestLocation> {
  const dir = mkdtempSync(join(tmpdir(), `growth-${dialect}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (dialect === "sqlite") {
    return { dialect, location: join(dir, "growth.db"), dir, remove: async () => removeDir() };
  }
  const database = await createTestDatabase();
  return {
    dialect,
    location: database.url,
    dir,
    remove: async () => {
      removeDir();
      await database.drop();
    },
  };
}

/** The dialect the whole-graph suites run on: GROWTH_TEST_DIALECT=postgres moves them to PostgreSQL. */
export function suiteDialect(): Dialect {
  const chosen = process.env.GROWTH_TEST_DIALECT ?? "sqlite";
  if (chosen !== "sqlite" && chosen !== "postgres") {
    throw new Error(`GROWTH_TEST_DIALECT must be sqlite or postgres, not ${chosen}`);
  }
  return chosen;
}

/** Both dialects, for contract suites; Postgres is skipped (with the reason in its name) only without a server. */
export const DIALECTS: readonly { dialect: Dialect; skip: string | null }[] = [
  { dialect: "sqlite", skip: null },
  { dialect: "postgres", skip: PG_SKIP_REASON },
];

/** Declares one describe block per dialect, so the same tests run on SQLite and on PostgreSQL. */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const { dialect, skip } of DIALECTS) {
    const block = skip ? describe.skip : describe;
    block(`${name} [${dialect}]${skip ? ` — skipped: ${skip}` : ""}`, () => body(dialect));
  }
}

/** Opens a fresh, migrated store of a dialect; `cleanup` closes it and removes its file or database. */
export async function openTestStore(
  dialect: Dialect,
): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const place = await testLocation(dialect);
  const store = await openStore(place.location);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await place.remove();
    },
  };
}

/**
 * A store for each test of the enclosing describe block, fresh per test (`each`) or shared by the block
 * (`all`, for suites that empty what they use); returns a getter.
 */
export function useTestStore(dialect: Dialect, scope: "each" | "all" = "each"): () => Store {
  let opened: { store: Store; cleanup: () => Promise<void> } | undefined;
  const before = scope === "each" ? beforeEach : beforeAll;
  const after = scope === "each" ? afterEach : afterAll;
  before(async () => {
    opened = await openTestStore(dialect);
  });
  after(async () => {
    await opened?.cleanup();
    opened = undefined;
  });
  return () => {
    if (!opened) throw new Error("useTestStore: the store is open only inside a test");
    return opened.store;
  };
}
