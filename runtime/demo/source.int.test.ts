import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../store/db.ts";
import { demoCandidates } from "../../store/queries/demo-candidates.ts";
import { latestSeedRecord } from "../../store/seed-writer.ts";
import { importDirectory } from "../import/import-directory.ts";
import { generateDemoData, REFERENCE_ANCHOR } from "../seed/generate.ts";
import { runSeed, seedIfEmpty } from "../seed/seed-store.ts";
import { candidatesFromData, demoStreamSource } from "./source.ts";
import { demoStream } from "./stream.ts";

const dir = mkdtempSync(join(tmpdir(), "growth-demo-source-"));
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});
async function store(name: string): Promise<Store> {
  const s = await openStore(join(dir, `${name}.db`));
  stores.push(s);
  return s;
}

const anchor = new Date(REFERENCE_ANCHOR);
const GOOD_CSV = join(import.meta.dirname, "../../test/fixtures/csv/good");
const later = new Date("2027-03-01T09:00:00Z");
const window = (s: Awaited<ReturnType<typeof demoStreamSource>>) =>
  JSON.stringify(demoStream(s.candidates, { seed: 42, start: s.start, from: 0, to: 300 }));

describe("the demo stream is a pure function of its seed and position", () => {
  it("regenerates a seeded store's candidates exactly as a fresh store holds them", async () => {
    const s = await store("fresh");
    await seedIfEmpty(s, { seed: 42, now: anchor });
    expect(await latestSeedRecord(s.db)).toEqual({ seed: 42, anchor: REFERENCE_ANCHOR });
    expect(candidatesFromData(generateDemoData({ seed: 42, now: anchor }))).toEqual(
      await demoCandidates(s.db),
    );
  });

  it("is the same after the store changed and in another process's store, and starts at the anchor", async () => {
    const s = await store("changed");
    await seedIfEmpty(s, { seed: 42, now: anchor });
    const before = await demoStreamSource(s.db, later);
    expect(before.origin).toBe("seed");
    expect(before.start.toISOString()).toBe(REFERENCE_ANCHOR);
    const storeStreamBefore = JSON.stringify(
      demoStream(await demoCandidates(s.db), { seed: 42, start: anchor, from: 0, to: 300 }),
    );

    // What a demo run does to the store: leads qualified, deals closed, contacts suppressed.
    await s.db
      .updateTable("leads")
      .set({ status: "sql" })
      .where("status", "in", ["new", "working"])
      .execute();
    await s.db
      .updateTable("opportunities")
      .set({ stage: "closed_won" })
      .where("stage", "=", "proposal")
      .execute();
    await s.db.updateTable("contacts").set({ do_not_contact: 1 }).where("email", "like", "a%").execute();

    const after = await demoStreamSource(s.db, later);
    expect(window(after)).toBe(window(before));
    // Read from the changed store, the old way, the stream would have changed: the check above can fail.
    const storeStreamAfter = JSON.stringify(
      demoStream(await demoCandidates(s.db), { seed: 42, start: anchor, from: 0, to: 300 }),
    );
    expect(storeStreamAfter).not.toBe(storeStreamBefore);

    const other = await store("other");
    await seedIfEmpty(other, { seed: 42, now: anchor });
    expect(window(await demoStreamSource(other.db, new Date()))).toBe(window(before));
  });

  it("follows a reseed: the newest seed record decides", async () => {
    const s = await store("reseeded");
    await runSeed(s, { seed: 42, now: anchor });
    await runSeed(s, { seed: 7, now: new Date("2027-01-15T00:00:00Z"), force: true });
    expect(await latestSeedRecord(s.db)).toEqual({ seed: 7, anchor: "2027-01-15T00:00:00.000Z" });
    await runSeed(s, { seed: 42, now: anchor, force: true });
    expect(await latestSeedRecord(s.db)).toEqual({ seed: 42, anchor: REFERENCE_ANCHOR });
  });

  it("reads an imported store once and keeps that source across restarts and changes, until the next import", async () => {
    const s = await store("imported");
    const imported = await importDirectory(s.db, GOOD_CSV, { now: later });
    expect(imported.files.some((f) => f.inserted > 0)).toBe(true);
    const first = await demoStreamSource(s.db, later);
    expect(first.origin).toBe("store");
    expect(first.start.toISOString()).toBe("2027-03-01T00:00:00.000Z");
    expect(first.candidates).toEqual(await demoCandidates(s.db));
    expect(first.candidates.accounts.length).toBeGreaterThan(0);

    // What demo runs do to the store, then a restart a day later: the same stream, from the same start.
    await s.db.updateTable("accounts").set({ owner: null }).execute();
    await s.db.deleteFrom("opportunities").execute();
    const restarted = await demoStreamSource(s.db, new Date(later.getTime() + 86_400_000));
    expect(restarted.candidates).not.toEqual(await demoCandidates(s.db));
    expect(window(restarted)).toBe(window(first));

    // A new import changes the data on purpose: the next source reads the store as it is then.
    await importDirectory(s.db, GOOD_CSV, { now: later });
    const reimported = await demoStreamSource(s.db, later);
    expect(reimported.candidates).toEqual(await demoCandidates(s.db));
    expect(reimported.candidates.openOpportunities.length).toBeGreaterThan(0);
  });
});
