import pg from "pg";
import { SystemError } from "../../domain/errors.ts";
import type { PostgresTarget } from "./url.ts";

/** How long a new connection may take before start-up gives up (an unreachable host never hangs). */
export const CONNECT_TIMEOUT_MS = 5_000;

const INT8 = 20;
const NUMERIC = 1700;

// pg returns int8 (count(*), sum of integers, bigint cents) and numeric (sum of bigint, avg) as strings so
// nothing is rounded silently. The store's numbers are counts and integer cents, exact in a double up to 2^53:
// parse them to numbers, but refuse a value a double would round rather than return it wrong.
function exactNumber(text: string): number {
  const value = Number(text);
  const integral = /^-?\d+$/.test(text);
  if (integral && !Number.isSafeInteger(value)) {
    throw new SystemError(
      "store_number_overflow",
      `The database returned ${text}, larger than the store can hold exactly (2^53); check the data.`,
    );
  }
  return value;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 || oid === NUMERIC
      ? exactNumber
      : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/** Creates the one shared pool of a Postgres store, with the store's number parsing and a connect timeout. */
export function createPool(url: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: options.max ?? 10,
    types,
  });
  // A client losing its server (a restart, a dropped database) must not crash the process with an unhandled
  // 'error' event, idle or checked out: the query in flight, or the next one, reports the failure.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

/** Opens and releases one connection, so a wrong or unreachable URL fails at start-up with the host and the reason. */
export async function checkConnection(pool: pg.Pool, target: PostgresTarget): Promise<void> {
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    throw new SystemError(
      "store_unreachable",
      `Cannot connect to PostgreSQL at ${target.host}:${target.port} (database ${target.database}): ${reasonOf(cause)}; check DATABASE_URL and that the server is running.`,
      { cause },
    );
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // An AggregateError (IPv4 and IPv6 both refused) carries the useful reason in its parts.
  const parts = error instanceof AggregateError ? error.errors : [];
  const first = parts.find((e): e is Error => e instanceof Error);
  const message = error.message || first?.message || (error as { code?: string }).code || error.name;
  return message.replace(/\s+/g, " ").trim();
}
