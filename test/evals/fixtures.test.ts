import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedCaseFixture } from "../../evals/fixtures/index.ts";
import { FixtureTime, resolveTime } from "../../evals/fixtures/rows.ts";
import { openStore, type Store } from "../../store/db.ts";

const now = new Date("2026-11-10T12:00:00.000Z");

describe("fixture times", () => {
  it("resolve offsets against the case clock", () => {
    expect(resolveTime("now", now)).toBe("2026-11-10T12:00:00.000Z");
    expect(resolveTime("-3d", now)).toBe("2026-11-07T12:00:00.000Z");
    expect(resolveTime("+2h", now)).toBe("2026-11-10T14:00:00.000Z");
    expect(resolveTime("-90m", now)).toBe("2026-11-10T10:30:00.000Z");
    expect(resolveTime("-0.5d", now)).toBe("2026-11-10T00:00:00.000Z");
    expect(resolveTime("2026-01-02T03:04:05Z", now)).toBe("2026-01-02T03:04:05.000Z");
  });

  it("reject anything else with a hint", () => {
    expect(FixtureTime.safeParse("3 days ago").success).toBe(false);
    expect(FixtureTime.safeParse("-3w").success).toBe(false);
  });
});

describe("seedCaseFixture", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(":memory:");
  });
  afterEach(async () => store.close());

  it("writes the base CRM and lets a case replace a row by key and add others", async () => {
    await seedCaseFixture(
      store,
      {
        base: "crm",
        rows: {
          contacts: [
            {
              email: "sam.stop@acme.com",
              title: "Injected title",
              account_domain: "acme.com",
              do_not_contact: 1,
            },
          ],
          leases: [{ account_domain: "acme.com", holder: "run:other", expires_at: "+5m" }],
        },
      },
      now,
    );
    const sam = await store.db
      .selectFrom("contacts")
      .selectAll()
      .where("email", "=", "sam.stop@acme.com")
      .execute();
    expect(sam).toHaveLength(1);
    expect(sam[0]).toMatchObject({
      title: "Injected title",
      first_name: null,
      created_at: "2026-07-13T12:00:00.000Z",
    });
    const lease = await store.db.selectFrom("leases").selectAll().executeTakeFirstOrThrow();
    expect(lease).toMatchObject({ holder: "run:other", expires_at: "2026-11-10T12:05:00.000Z" });
    const accounts = await store.db.selectFrom("accounts").select("domain").execute();
    expect(accounts).toHaveLength(10);
  });

  it("starts from nothing with the empty base", async () => {
    await seedCaseFixture(
      store,
      { base: "empty", rows: { accounts: [{ domain: "acme.com", name: "Acme" }] } },
      now,
    );
    expect(await store.db.selectFrom("contacts").select("email").execute()).toEqual([]);
    expect(await store.db.selectFrom("accounts").select("domain").execute()).toEqual([
      { domain: "acme.com" },
    ]);
  });
});
