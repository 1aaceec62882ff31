import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { openStore, type Store } from "../../store/db.ts";
import { SEED_TABLES } from "../../store/seed-writer.ts";
import { REFERENCE_ANCHOR } from "./generate.ts";
import { runSeed, STORE_NOT_EMPTY, seedIfEmpty } from "./seed-store.ts";
import { formatSeedSummary } from "./summary.ts";

const dir = mkdtempSync(join(tmpdir(), "growth-seed-"));
const stores: Store[] = [];
const now = new Date(REFERENCE_ANCHOR);
afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function store(name: string): Promise<Store> {
  const s = await openStore(join(dir, `${name}.db`));
  stores.push(s);
  return s;
}

/** Every seeded table as JSON, rows in primary-key order. */
async function dump(s: Store): Promise<string> {
  const order: Record<(typeof SEED_TABLES)[number], string> = {
    accounts: "domain",
    contacts: "email",
    leads: "id",
    opportunities: "id",
    opportunity_stage_history: "id",
    campaigns: "id",
    touches: "id",
    suppressions: "id",
    sequences: "id",
  };
  const tables: Record<string, unknown[]> = {};
  for (const table of SEED_TABLES) {
    tables[table] = await s.db.selectFrom(table).selectAll().orderBy(sql.ref(order[table])).execute();
  }
  return JSON.stringify(tables);
}

describe("seeding a store", () => {
  it("writes the same rows, byte for byte, into two store files", async () => {
    const [a, b] = [await store("a"), await store("b")];
    const first = await seedIfEmpty(a, { seed: 42, now });
    await seedIfEmpty(b, { seed: 42, now });
    expect(first?.counts.touches).toBeGreaterThanOrEqual(10_000);
    // "Well under 10 s on a 2-core machine": generation plus the write, with room for a slow CI runner.
    expect(first?.elapsedMs).toBeLessThan(5_000);
    const [dumpA, dumpB] = [await dump(a), await dump(b)];
    expect(dumpA.length).toBeGreaterThan(1_000_000);
    expect(dumpA).toBe(dumpB);
  });

  it("seedIfEmpty is a no-op on a store that has data", async () => {
    const s = await store("a");
    const before = await dump(s);
    expect(await seedIfEmpty(s, { seed: 7, now })).toBeNull();
    expect(await dump(s)).toBe(before);
  });

  it("runSeed refuses a store with data (a user error, exit 2) and --force reseeds it like a fresh one", async () => {
    const s = await store("b");
    const refusal = runSeed(s, { seed: 42, now });
    await expect(refusal).rejects.toBeInstanceOf(UserError);
    await expect(refusal).rejects.toThrow(STORE_NOT_EMPTY);
    await runSeed(s, { seed: 7, now, force: true });
    const fresh = await store("fresh-7");
    await runSeed(fresh, { seed: 7, now });
    expect(await dump(s)).toBe(await dump(fresh));
  });

  it("summarises the seed in one paragraph", async () => {
    const text = formatSeedSummary(
      {
        seed: 42,
        anchor: "2026-11-01T00:00:00.000Z",
        counts: {
          accounts: 320,
          contacts: 2122,
          leads: 1709,
          opportunities: 170,
          opportunity_stage_history: 719,
          campaigns: 16,
          touches: 11283,
          suppressions: 70,
          sequences: 538,
        },
        elapsedMs: 512,
      },
      "/tmp/growth.db",
    );
    expect(text).not.toContain("\n");
    expect(text).toContain("Seeded /tmp/growth.db with seed 42 (anchor 2026-11-01T00:00:00.000Z");
    expect(text).toContain(
      "320 accounts, 2,122 contacts, 1,709 leads, 170 opportunities with 719 stage changes",
    );
    expect(text).toContain("11,283 touches, 70 suppressions and 538 BD sequences, in 0.5 s");
  });
});
