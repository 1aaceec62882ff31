/** Which SQL engine a store runs on; migrations differ only in column types. */
export type Dialect = "sqlite" | "postgres";
