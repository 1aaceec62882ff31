import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, resolveStoreLocation } from "./db.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("openStore", () => {
  it("creates a WAL file with every table, and reopening is a no-op", async () => {
    const dir = mkdtempSync(join(tmpdir(), "growth-store-"));
    dirs.push(dir);
    const file = join(dir, "nested", "growth.db");
    const store = await openStore(file);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["accounts", "contacts", "touches", "events", "outbox", "leases", "runs"]),
    );
    await store.close();
    const again = await openStore(file);
    expect((await again.db.introspection.getTables()).length).toBe(tables.length);
    await again.close();
  });

  it("resolves --db before GROWTH_DB before the default", () => {
    expect(resolveStoreLocation("/x/a.db", { GROWTH_DB: "/y/b.db" })).toBe("/x/a.db");
    expect(resolveStoreLocation(undefined, { GROWTH_DB: "/y/b.db" })).toBe("/y/b.db");
    expect(resolveStoreLocation(undefined, {})).toMatch(/\.growth\/growth\.db$/);
  });
});
