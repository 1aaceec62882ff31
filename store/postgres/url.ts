import { UserError } from "../../domain/errors.ts";

/** Whether a store location names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** A Postgres URL's parts people need to tell databases apart; never the password. */
export interface PostgresTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** `postgres://user@host:port/database`, safe to print and log. */
  readonly display: string;
}

/** Parses a `postgres://` URL up front, so a malformed one is a clear user error, not a driver stack trace. */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw malformed("it is not a URL");
  }
  if (!/^postgres(ql)?:$/i.test(parsed.protocol)) throw malformed(`the scheme is ${parsed.protocol}`);
  // A socket path (`?host=/run/postgresql`) stands in for an empty host.
  const host = decodeURIComponent(parsed.hostname) || parsed.searchParams.get("host") || "";
  if (host === "") throw malformed("it names no host");
  const port = parsed.port === "" ? 5432 : Number(parsed.port);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (database === "" || database.includes("/")) throw malformed("it names no database (…/dbname)");
  const user = decodeURIComponent(parsed.username) || "postgres";
  return { host, port, database, user, display: `postgres://${user}@${host}:${port}/${database}` };
}

function malformed(reason: string): UserError {
  return new UserError(
    "database_url_malformed",
    `DATABASE_URL (or --db) is not a valid PostgreSQL URL: ${reason}; write it like postgres://user:password@host:5432/dbname.`,
  );
}
