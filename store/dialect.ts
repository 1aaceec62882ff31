import { type Kysely, PostgresAdapter } from "kysely";

/** Which SQL engine a store runs on; migrations differ only in column types. */
export type Dialect = "sqlite" | "postgres";

/** The dialect a query builder (or transaction) speaks, for the few statements that differ between engines. */
export function dialectOf<DB>(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
