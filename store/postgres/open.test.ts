import { describe, expect, it } from "vitest";
import { growth } from "../../test/helpers/cli.ts";
import { describeEachDialect, testLocation } from "../../test/helpers/dialects.ts";
import { openStore } from "../db.ts";
import { migrations } from "../migrations/index.ts";
import { parsePostgresUrl } from "./url.ts";

describe("a bad DATABASE_URL", () => {
  it("is refused before connecting when malformed, naming what is wrong (exit 2, no stack trace)", () => {
    expect(() => parsePostgresUrl("postgres://")).toThrow(/names no host/);
    expect(() => parsePostgresUrl("postgres://db.internal:5432")).toThrow(/names no database/);
    expect(() => parsePostgresUrl("postgres://db.internal:notaport/x")).toThrow(/not a URL/);
    const result = growth(["report"], { env: { DATABASE_URL: "postgres://db.internal:99999/growth" } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(
      "error: DATABASE_URL (or --db) is not a valid PostgreSQL URL: it is not a URL; write it like postgres://user:password@host:5432/dbname.",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("fails fast when the server is unreachable, with the host and the reason (exit 1, no stack trace)", () => {
    // Port 1 on the loopback: refused at once, no network reached.
    const result = growth(["runs"], { env: { DATABASE_URL: "postgres://growth:secret@127.0.0.1:1/growth" } });
    expect(result.code).toBe(1);
    const last = result.stderr.trim().split("\n").at(-1) ?? "";
    expect(last).toMatch(
      /^error: Cannot connect to PostgreSQL at 127\.0\.0\.1:1 \(database growth\): .*ECONNREFUSED.*; check DATABASE_URL and that the server is running\.$/,
    );
    expect(result.stderr).not.toContain("secret");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describeEachDialect("a store's schema", (dialect) => {
  it("newer than the code is refused, at open and by the CLI (exit 2), with what to do", async () => {
    const place = await testLocation(dialect);
    try {
      const store = await openStore(place.location);
      await store.db
        .insertInto("kysely_migration" as never)
        .values({ name: "999-from-the-future", timestamp: new Date().toISOString() } as never)
        .execute();
      await store.close();
      await expect(openStore(place.location)).rejects.toMatchObject({
        code: "store_schema_newer",
        kind: "user",
      });
      const cli = growth(["--db", place.location, "runs"]);
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain(
        "has schema migrations this version of growth does not know (999-from-the-future): a newer growth migrated it; upgrade growth",
      );
    } finally {
      await place.remove();
    }
  });

  it.skipIf(dialect === "sqlite")(
    "is migrated once when several stores open at once, and `growth migrate` then has nothing to do",
    async () => {
      const place = await testLocation(dialect);
      try {
        const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(place.location)));
        const applied = stores.map((s) => s.migrated.applied.length);
        await Promise.all(stores.map((s) => s.close()));
        const all = Object.keys(migrations(dialect)).length;
        expect(applied.filter((n) => n === all)).toHaveLength(1);
        expect(applied.filter((n) => n === 0)).toHaveLength(3);
        const again = growth(["--db", place.location, "migrate", "--json"]);
        expect(again.code, again.stderr).toBe(0);
        expect(JSON.parse(again.stdout)).toMatchObject({
          dialect,
          applied: [],
          latest: Object.keys(migrations(dialect)).at(-1),
        });
      } finally {
        await place.remove();
      }
    },
  );
});

describeEachDialect("two `growth migrate` processes on one new store", (dialect) => {
  it("both exit 0 and the schema is applied once", async () => {
    const place = await testLocation(dialect);
    try {
      const { execFile } = await import("node:child_process");
      const { join } = await import("node:path");
      const bin = join(import.meta.dirname, "..", "..", "bin", "growth.js");
      const run = () =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            [bin, "--db", place.location, "migrate", "--json"],
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
          );
        });
      const results = await Promise.all([run(), run()]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const applied = results.map((r) => (JSON.parse(r.stdout) as { applied: string[] }).applied.length);
      expect(applied.sort()).toEqual([0, Object.keys(migrations(dialect)).length]);
    } finally {
      await place.remove();
    }
  });
});
