import { describe, expect, it } from "vitest";
import { openStore } from "../../store/db.ts";
import { type AccountImport, importAccounts } from "../../store/import/accounts.ts";
import { importOpportunities } from "../../store/import/opportunities.ts";

const account = (i: number): AccountImport => ({
  line: i + 2,
  domain: `company${i}.example.com`,
  name: `Company ${i}`,
  industry: null,
  employees: null,
  country: null,
  owner: null,
});

describe("a file's rows are written in one transaction", () => {
  it("a failure late in the file leaves none of its rows behind", async () => {
    const store = await openStore(":memory:");
    // 150 rows are written in two batches; the last row breaks a NOT NULL constraint in the second batch,
    // after the first batch of 100 is already in. Validation would never let this through; it stands in
    // for a database failure mid-file.
    const rows = Array.from({ length: 150 }, (_, i) => account(i));
    rows[149] = { ...account(149), name: null as unknown as string };
    await expect(importAccounts(store.db, rows, new Date())).rejects.toThrow();
    expect(await store.db.selectFrom("accounts").select("domain").execute()).toEqual([]);
    await store.close();
  });

  it("an opportunity and its stage-history row commit together", async () => {
    const store = await openStore(":memory:");
    await importAccounts(store.db, [account(0)], new Date());
    const opportunity = {
      line: 2,
      id: "o1",
      accountDomain: "company0.example.com",
      name: "Deal",
      amountCents: 100,
      currency: "USD",
      stage: "closed_won",
      closed: true,
      owner: null,
      createdAt: new Date("2025-01-01T00:00:00Z"),
      closedAt: new Date("2025-02-01T00:00:00Z"),
      lostReason: null,
    };
    const now = new Date("2025-06-01T00:00:00Z");
    expect(await importOpportunities(store.db, [opportunity], now)).toEqual([
      { line: 2, outcome: "inserted" },
    ]);
    // A closed deal entered its closing stage when it closed, not when it was imported.
    expect(await store.db.selectFrom("opportunity_stage_history").selectAll().execute()).toEqual([
      {
        id: 1,
        opportunity_id: "o1",
        from_stage: null,
        to_stage: "closed_won",
        entered_at: "2025-02-01T00:00:00.000Z",
        reason: "csv import",
      },
    ]);
    // Reopened by a later export: the move is recorded at import time.
    const reopened = { ...opportunity, stage: "negotiation", closed: false, closedAt: null };
    expect(await importOpportunities(store.db, [reopened], now)).toEqual([{ line: 2, outcome: "updated" }]);
    const history = await store.db
      .selectFrom("opportunity_stage_history")
      .selectAll()
      .orderBy("id")
      .execute();
    expect(history.at(-1)).toMatchObject({
      from_stage: "closed_won",
      to_stage: "negotiation",
      entered_at: now.toISOString(),
    });
    await store.close();
  });
});
