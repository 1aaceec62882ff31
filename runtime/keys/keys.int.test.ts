import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/db.ts";
import { growth } from "../../test/helpers/cli.ts";

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

  it("refuses an unknown role with exit 2 and a message naming the roles", () => {
    const bad = growth(["--db", join(dir, "h.db"), "keys", "create", "--name", "x", "--role", "root"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("viewer, operator, approver, admin");
  }, 60_000);
});
