// The scale scenario's store generator: the demo seed (about 11k touches) copied into replicas with their own
// keys, so a store of 10× or 100× the touches has the seed's density per account, contact and day. Bench
// tooling, not library code: it writes with INSERT … SELECT inside one transaction for speed.
import { copyFileSync, existsSync, rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../runtime/seed/index.ts";
import { openStore } from "../store/db.ts";

/** The seed the scale stores grow from. */
export const SCALE_SEED = 42;

// Per table, how a replica rewrites each key column; columns not named are copied as they are. Campaigns are
// shared by every replica (touches keep their campaign), and integer ids are left to the database.
const KEY = {
  domain: (r: number, c: string) => `case when ${c} is null then null else 'r${r}-' || ${c} end`,
  email: (r: number, c: string) => `case when ${c} is null then null else replace(${c}, '@', '@r${r}-') end`,
  id: (r: number, c: string) => `case when ${c} is null then null else 'r${r}:' || ${c} end`,
} as const;
const TABLES: readonly [string, Readonly<Record<string, keyof typeof KEY | "skip">>][] = [
  ["accounts", { domain: "domain" }],
  ["contacts", { email: "email", account_domain: "domain" }],
  ["leads", { id: "id", contact_email: "email", account_domain: "domain" }],
  ["opportunities", { id: "id", account_domain: "domain" }],
  ["opportunity_stage_history", { id: "skip", opportunity_id: "id" }],
  ["touches", { id: "id", contact_email: "email", account_domain: "domain", idempotency_key: "id" }],
  ["suppressions", { id: "skip", contact_email: "email", account_domain: "domain" }],
  ["sequences", { id: "id", contact_email: "email", account_domain: "domain" }],
];

/** Seeds a fresh demo store at `file` (the 1× store); returns its touch count. */
export async function seedBase(file: string): Promise<number> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  const store = await openStore(file);
  await seedIfEmpty(store, { seed: SCALE_SEED, now: new Date(REFERENCE_ANCHOR) });
  await store.close();
  return touchCount(file);
}

/**
 * Makes `file` a copy of `from` plus replicas `first … last` of the 1× store `seed`, written in one
 * transaction; returns the new touch count.
 */
export function grow(file: string, from: string, seed: string, first: number, last: number): number {
  checkpoint(from);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  copyFileSync(from, file);
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.prepare("attach database ? as seed").run(seed);
  const statements = TABLES.map(([table, keys]) => {
    const columns = (db.prepare(`pragma seed.table_info(${table})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => keys[c] !== "skip");
    return (r: number) => {
      const select = columns.map((c) => {
        const kind = keys[c];
        return kind === undefined || kind === "skip" ? c : KEY[kind](r, c);
      });
      return db.prepare(
        `insert into main.${table} (${columns.join(", ")}) select ${select.join(", ")} from seed.${table}`,
      );
    };
  });
  db.transaction(() => {
    for (let r = first; r <= last; r++) for (const statement of statements) statement(r).run();
  })();
  db.prepare("detach database seed").run();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return touchCount(file);
}

/** How many touches a store file holds. */
export function touchCount(file: string): number {
  const db = new SQLite(file, { readonly: true });
  const { n } = db.prepare("select count(*) as n from touches").get() as { n: number };
  db.close();
  return n;
}

function checkpoint(file: string): void {
  const db = new SQLite(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}
