import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/db.ts";
import { growth } from "../../test/helpers/cli.ts";
import { authenticateKey } from "./index.ts";

const dir = mkdtempSync(join(tmpdir(), "growth-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("growth keys", () => {
  it("creates a key shown once and stored only as a hash, lists it without the secret, and revokes it", async () => {
    const db = join(dir, "g.db");
    const created = growth(["--db", db, "keys", "create", "--name", "ada", "--role", "approver"]);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^ge_[\w-]{43}$/);
    const store = await openStore(db);
    const rows = await store.db.selectFrom("api_keys").selectAll().execute();
    await store.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(key);
    const listed = growth(["--db", db, "keys", "list", "--json"]);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: "ada", role: "approver", revoked_at: null }]);
    expect(listed.stdout).not.toContain(key);
    expect(growth(["--db", db, "keys", "revoke", "ada"]).code).toBe(0);
    const after = await openStore(db);
    const revoked = await after.db.selectFrom("api_keys").select("revoked_at").executeTakeFirstOrThrow();
    await after.close();
    expect(revoked.revoked_at).not.toBeNull();
  }, 120_000);

  it("creates a key that expires after --expires-in days: live until then, refused from then on; a bad count is refused", async () => {
    const db = join(dir, "e.db");
    const created = growth([
      "--db",
      db,
      "keys",
      "create",
      "--name",
      "eve",
      "--role",
      "viewer",
      "--expires-in",
      "2",
    ]);
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/expiring \d{4}-\d\d-\d\dT/);
    const key = created.stdout.trim();
    const store = await openStore(db);
    try {
      const row = await store.db.selectFrom("api_keys").selectAll().executeTakeFirstOrThrow();
      const expires = new Date(row.expires_at!);
      const created_at = new Date(row.created_at);
      expect(expires.getTime() - created_at.getTime()).toBe(2 * 86_400_000);
      expect(await authenticateKey(store.db, key, new Date(expires.getTime() - 1))).toMatchObject({
        name: "eve",
      });
      expect(await authenticateKey(store.db, key, expires)).toBeNull();
    } finally {
      await store.close();
    }
    const listed = growth(["--db", db, "keys", "list"]);
    expect(listed.stdout).toContain("expires ");
    const bad = growth([
      "--db",
      db,
      "keys",
      "create",
      "--name",
      "x",
      "--role",
      "viewer",
      "--expires-in",
      "soon",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--expires-in takes a number of days");
  }, 120_000);

  it("refuses an unknown role with exit 2 and a message naming the roles", () => {
    const bad = growth(["--db", join(dir, "h.db"), "keys", "create", "--name", "x", "--role", "root"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("viewer, operator, approver, admin");
  }, 60_000);
});
