import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "./db.ts";
import { isStoreEmpty, SEED_TABLES, type SeedRows, writeSeed } from "./seed-writer.ts";

const T = "2026-01-01T00:00:00.000Z";
const dirs: string[] = [];
const stores: Store[] = [];

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function tempStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), "growth-seed-writer-"));
  dirs.push(dir);
  const store = await openStore(join(dir, "growth.db"));
  stores.push(store);
  return store;
}

/** A tiny seed with `touches` touches: enough of them to need several insert statements. */
function rows(touches = 5, domain = "acme.com"): SeedRows {
  const email = `ada@${domain}`;
  return {
    accounts: [
      {
        domain,
        name: "Acme",
        industry: "SaaS",
        employees: 50,
        country: "US",
        owner: null,
        created_at: T,
        updated_at: T,
      },
    ],
    contacts: [
      {
        email,
        first_name: "Ada",
        last_name: "Lovelace",
        title: "CFO",
        account_domain: domain,
        lifecycle_stage: "lead",
        do_not_contact: 0,
        unsubscribed: 1,
        bounced: 0,
        created_at: T,
        updated_at: T,
      },
    ],
    leads: [],
    opportunities: [],
    opportunity_stage_history: [],
    campaigns: [],
    touches: Array.from({ length: touches }, (_, i) => ({
      id: `t-${i}`,
      contact_email: email,
      account_domain: domain,
      channel: "email",
      campaign: null,
      agent: "lead-engagement",
      cluster: "bd",
      content_hash: null,
      occurred_at: T,
      idempotency_key: null,
    })),
    suppressions: [
      {
        contact_email: email,
        account_domain: null,
        reason: "unsubscribed",
        note: null,
        created_at: T,
        expires_at: null,
      },
    ],
    sequences: [],
  };
}

async function count(store: Store, table: (typeof SEED_TABLES)[number] | "events"): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("writeSeed", () => {
  it("writes every row, batching inserts under SQLite's bound-parameter limit", async () => {
    const store = await tempStore();
    expect(await isStoreEmpty(store.db)).toBe(true);
    // 10 columns × 7,000 rows = 70,000 parameters: more than two statements' worth.
    expect(await writeSeed(store.db, rows(7_000))).toBe(true);
    expect(await count(store, "touches")).toBe(7_000);
    expect(await count(store, "accounts")).toBe(1);
    expect(await isStoreEmpty(store.db)).toBe(false);
  });

  it("writes all or nothing: a failing batch rolls the whole seed back", async () => {
    const store = await tempStore();
    const bad = rows(4_000);
    const duplicate = { ...bad, touches: [...bad.touches, bad.touches[0]!] };
    await expect(writeSeed(store.db, duplicate)).rejects.toThrow();
    for (const table of SEED_TABLES) expect(await count(store, table), table).toBe(0);
  });

  it("with onlyIfEmpty, leaves a store that has accounts untouched", async () => {
    const store = await tempStore();
    await writeSeed(store.db, rows(3));
    expect(await writeSeed(store.db, rows(9, "other.io"), { onlyIfEmpty: true })).toBe(false);
    expect(await count(store, "touches")).toBe(3);
  });

  it("with replace, wipes the CRM tables and restarts their id counters, keeping other tables", async () => {
    const store = await tempStore();
    await writeSeed(store.db, rows(3));
    await writeSeed(store.db, rows(3, "again.io"), { onlyIfEmpty: false, replace: true });
    await store.db
      .insertInto("events")
      .values({
        id: "e1",
        type: "lead_created",
        entity_type: "lead",
        entity_id: "ada@again.io",
        correlation_id: "c1",
        causation_id: null,
        source: "test",
        payload: "{}",
        occurred_at: T,
      })
      .execute();
    expect(await writeSeed(store.db, rows(2, "third.ai"), { replace: true })).toBe(true);
    const domains = await store.db.selectFrom("accounts").select("domain").execute();
    expect(domains).toEqual([{ domain: "third.ai" }]);
    expect(await count(store, "touches")).toBe(2);
    const suppression = await store.db.selectFrom("suppressions").select("id").executeTakeFirstOrThrow();
    expect(suppression.id).toBe(1);
    expect(await count(store, "events")).toBe(1);
    const seq = await sql<{ name: string }>`select name from sqlite_sequence where name = 'events'`.execute(
      store.db,
    );
    expect(seq.rows).toHaveLength(1);
  });
});
