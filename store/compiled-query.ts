import type { CompiledQuery, Kysely, QueryResult } from "kysely";
import { type Dialect, dialectOf } from "./dialect.ts";
import type { Database } from "./schema.ts";

/** A value a hot query binds: one value, or a list (an `in (…)`) whose length is part of the query's shape. */
export type QueryArg = string | number | null | readonly string[];

interface Shape {
  sql: string;
  query: CompiledQuery["query"];
  /** Per bound parameter: which argument (and which element of a list) it is, or a constant of the query. */
  slots: ({ arg: number; item: number } | { value: unknown })[];
}

const MAX_SHAPES = 64;
// A stand-in value: a prefix no real value of ours starts with, the argument's index and the list element's.
const STAND_IN = "\u0000hot:";

/**
 * A read on a hot path, compiled once per dialect and shape (the lengths of its list arguments) and then run
 * with each call's values. Kysely otherwise rebuilds and recompiles the query on every call: about 10 KB of
 * short-lived objects and as much CPU as SQLite's own work for an index lookup, which made the guard's
 * decisions pay minor GC pauses. `build` must use its arguments only as bound values (no `sql.lit`, no
 * branching on a value; a list's length may shape the query), since it runs once per shape with stand-ins.
 */
export function hotQuery<A extends readonly QueryArg[], R>(
  build: (db: Kysely<Database>, ...args: A) => { compile(): CompiledQuery<R> },
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const run = hotStatement(build);
  return async function runHotQuery(db, ...args) {
    return (await run(db, ...args)).rows;
  };
}

/** As `hotQuery`, for a write: the whole result, with the number of rows it changed. */
export function hotStatement<A extends readonly QueryArg[], R>(
  build: (db: Kysely<Database>, ...args: A) => { compile(): CompiledQuery<R> },
): (db: Kysely<Database>, ...args: A) => Promise<QueryResult<R>> {
  const shapes = new Map<string, Shape>();
  const compileShape = (db: Kysely<Database>, args: A): Shape => {
    const standIns = args.map((a, i) =>
      a !== null && typeof a === "object" ? a.map((_, j) => `${STAND_IN}${i}.${j}`) : `${STAND_IN}${i}.-1`,
    ) as unknown as A;
    const compiled = build(db, ...standIns).compile();
    if (compiled.sql.includes(STAND_IN))
      throw new Error("hotQuery: an argument was written into the SQL text; bind it as a value instead.");
    return {
      sql: compiled.sql,
      query: compiled.query,
      slots: compiled.parameters.map((p) => {
        if (typeof p !== "string" || !p.startsWith(STAND_IN)) return { value: p };
        const [arg, item] = p.slice(STAND_IN.length).split(".").map(Number);
        return { arg: arg!, item: item! };
      }),
    };
  };
  return function runHotStatement(db, ...args) {
    const dialect: Dialect = dialectOf(db);
    let key = dialect as string;
    for (const a of args) key += a !== null && typeof a === "object" ? `,${a.length}` : ",-";
    let shape = shapes.get(key);
    if (!shape) {
      shape = compileShape(db, args);
      // Bulk batches bring many list lengths; the oldest shapes go first.
      if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value as string);
      shapes.set(key, shape);
    }
    const parameters = shape.slots.map((s) => {
      if ("value" in s) return s.value;
      const a = args[s.arg]!;
      return s.item < 0 ? a : (a as readonly string[])[s.item];
    });
    return db.executeQuery<R>({ sql: shape.sql, parameters, query: shape.query, queryId: { queryId: key } });
  };
}
