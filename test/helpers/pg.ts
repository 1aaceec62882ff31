import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server the Postgres variants of the tests use: GROWTH_TEST_PG_URL, else the local default. */
export const TEST_PG_URL = process.env.GROWTH_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Every throw-away database starts with this (GROWTH_TEST_PG_PREFIX), so a run can drop its leftovers. */
export const TEST_DB_PREFIX = process.env.GROWTH_TEST_PG_PREFIX ?? "growth_test_";

/** Asks the server once; when GROWTH_TEST_PG_URL is set, an unreachable server fails the tests instead. */
async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    if (process.env.GROWTH_TEST_PG_URL) return null;
    return `no PostgreSQL at ${new URL(TEST_PG_URL).host} (${(error as Error).message}); set GROWTH_TEST_PG_URL to run the Postgres variants`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the Postgres variants are skipped here, or null when they run (always in CI). */
export const PG_SKIP_REASON: string | null = await probe();

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database with a random name; `drop` removes it (closing whatever still connects). */
export async function createTestDatabase(): Promise<{
  name: string;
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `${TEST_DB_PREFIX}${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database "${name}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => {}),
  };
}
