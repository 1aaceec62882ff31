import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachDialect, useTestStore } from "../test/helpers/dialects.ts";
import { hotQuery } from "./compiled-query.ts";

const AT = "2026-01-01T00:00:00.000Z";

const contactsOf = hotQuery((db, emails: readonly string[], stage: string) =>
  db
    .selectFrom("contacts")
    .select(["email", "lifecycle_stage"])
    .where("email", "in", emails)
    .where("lifecycle_stage", "=", stage)
    .where("account_domain", "is not", null)
    .orderBy("email")
    .limit(10),
);

describeEachDialect("hotQuery", (dialect) => {
  const store = useTestStore(dialect);

  const seed = async () => {
    await store()
      .db.insertInto("accounts")
      .values({ domain: "acme.com", name: "Acme", created_at: AT, updated_at: AT })
      .execute();
    await store()
      .db.insertInto("contacts")
      .values(
        ["a", "b", "c", "d"].map((n, i) => ({
          email: `${n}@acme.com`,
          account_domain: "acme.com",
          lifecycle_stage: i % 2 === 0 ? "lead" : "mql",
          do_not_contact: 0,
          unsubscribed: 0,
          bounced: 0,
          created_at: AT,
          updated_at: AT,
        })),
      )
      .execute();
  };

  it("returns what the same query built afresh returns, for each call's values and list lengths", async () => {
    await seed();
    const fresh = (emails: string[], stage: string) =>
      store()
        .db.selectFrom("contacts")
        .select(["email", "lifecycle_stage"])
        .where("email", "in", emails)
        .where("lifecycle_stage", "=", stage)
        .where("account_domain", "is not", null)
        .orderBy("email")
        .limit(10)
        .execute();
    const calls: [string[], string][] = [
      [["a@acme.com", "b@acme.com", "c@acme.com"], "lead"],
      [["b@acme.com", "d@acme.com", "a@acme.com"], "mql"],
      [["c@acme.com"], "lead"],
      [["d@acme.com"], "mql"],
      [["a@acme.com", "b@acme.com", "c@acme.com", "d@acme.com"], "lead"],
      [["a@acme.com", "b@acme.com", "c@acme.com"], "mql"],
    ];
    for (const [emails, stage] of calls) {
      const rows = await contactsOf(store().db, emails, stage);
      expect(rows).toEqual(await fresh(emails, stage));
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(await contactsOf(store().db, ["a@acme.com"], "mql")).toEqual([]);
  });

  it("runs inside a transaction and sees its writes", async () => {
    await seed();
    await store()
      .db.transaction()
      .execute(async (tx) => {
        await tx
          .updateTable("contacts")
          .set({ lifecycle_stage: "sql" })
          .where("email", "=", "a@acme.com")
          .execute();
        expect(await contactsOf(tx, ["a@acme.com", "b@acme.com"], "sql")).toEqual([
          { email: "a@acme.com", lifecycle_stage: "sql" },
        ]);
      });
  });

  it("refuses a query that writes an argument into its SQL text", async () => {
    const inlined = hotQuery((db, stage: string) =>
      db.selectFrom("contacts").select("email").where("lifecycle_stage", "=", sql.lit(stage)),
    );
    await expect(inlined(store().db, "lead")).rejects.toThrow(/written into the SQL text/);
  });
});
