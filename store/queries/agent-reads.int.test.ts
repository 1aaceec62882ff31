import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../../runtime/seed/index.ts";
import { migrate } from "../migrate.ts";
import type { Database } from "../schema.ts";
import { opportunityFactsWithAccounts, wonDealSums } from "./marketing-analytics.ts";
import { latestWonAccountInIndustry } from "./marketing-crm.ts";

/**
 * The agents' reads of won deals on the seeded demo store: each gives what a plain reading of every opportunity
 * gives, and the statements it sends are explained to show they search the (stage, closed_at, account) index
 * rather than scan the opportunities.
 */
describe("the agents' won-deal reads on the seeded store", () => {
  const sqlite = new SQLite(":memory:");
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  const plan = (q: CompiledQuery) =>
    (
      sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(" | ");

  beforeAll(async () => {
    await migrate(db, "sqlite");
    await seedIfEmpty(
      {
        db,
        file: ":memory:",
        location: ":memory:",
        name: ":memory:",
        dialect: "sqlite",
        pool: null,
        migrated: { applied: [] },
        close: () => db.destroy(),
      },
      { seed: 42, now: new Date(REFERENCE_ANCHOR) },
    );
  });

  afterAll(async () => {
    await db.destroy();
  });

  it("sums the won deals per (industry, employees) as the opportunity facts do", async () => {
    const facts = await opportunityFactsWithAccounts(db);
    const expected = new Map<string, { wonDeals: number; wonCents: number }>();
    for (const f of facts.filter((o) => o.stage === "closed_won" && o.closedAt !== null)) {
      const key = JSON.stringify([f.industry, f.employees]);
      const s = expected.get(key) ?? { wonDeals: 0, wonCents: 0 };
      s.wonDeals++;
      s.wonCents += f.amountCents;
      expected.set(key, s);
    }
    expect(expected.size).toBeGreaterThan(5);
    captured.length = 0;
    const sums = await wonDealSums(db);
    expect(
      new Map(
        sums.map((s) => [
          JSON.stringify([s.industry, s.employees]),
          { wonDeals: s.wonDeals, wonCents: s.wonCents },
        ]),
      ),
    ).toEqual(expected);
    expect(captured).toHaveLength(1);
    expect(plan(captured[0]!)).toMatch(
      /SEARCH opportunities USING INDEX opportunities_stage_closed \(stage=\?/,
    );
  });

  it("finds each industry's latest closed-won account (ties by domain), other than the excluded one, off the index", async () => {
    const won = sqlite
      .prepare(
        "select a.domain, a.industry, o.closed_at from opportunities o join accounts a on a.domain = o.account_domain where o.stage = 'closed_won'",
      )
      .all() as { domain: string; industry: string | null; closed_at: string | null }[];
    const latest = (industry: string, exclude: string | null) =>
      won
        .filter((w) => w.industry === industry && w.domain !== exclude)
        .sort(
          (a, b) =>
            (b.closed_at ?? "").localeCompare(a.closed_at ?? "") ||
            (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0),
        )[0]?.domain;
    const industries = [...new Set(won.map((w) => w.industry).filter((i): i is string => i !== null))].sort();
    expect(industries.length).toBeGreaterThan(3);
    for (const industry of [...industries, "No such industry"]) {
      const first = latest(industry, null);
      captured.length = 0;
      expect((await latestWonAccountInIndustry(db, industry, null))?.domain).toBe(first);
      expect(plan(captured[0]!)).toMatch(
        /SEARCH opportunities USING COVERING INDEX opportunities_stage_closed \(stage=\?\)/,
      );
      if (first)
        expect((await latestWonAccountInIndustry(db, industry, first))?.domain).toBe(latest(industry, first));
    }
  });
});
