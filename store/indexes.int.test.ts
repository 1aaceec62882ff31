import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./db.ts";
import { loadGuardFacts } from "./queries/guard-facts.ts";
import type { Database } from "./schema.ts";

const TOUCHES = 100_000;
const ACCOUNTS = 1_000;
const CONTACTS = 10_000;
const AGENTS = [
  "campaign-execution",
  "lead-engagement",
  "deal-closer",
  "content-creation",
  "opportunity-scout",
];
const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 365 * 86_400_000;
const NOW = new Date(START + SPAN_MS);
const SINCE = new Date(NOW.getTime() - 30 * 86_400_000);

const contactOf = (i: number) => `person${i % CONTACTS}@company${i % ACCOUNTS}.example.com`;
const accountOf = (i: number) => `company${i % ACCOUNTS}.example.com`;

/** One EXPLAIN QUERY PLAN row. */
interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/**
 * The conflict guard's per-action lookups, run for real through `loadGuardFacts` on a store with 100,000
 * touches; every statement it sends is captured and explained, so this proves the plans of the queries the
 * guard actually runs, not of copies.
 */
describe("a 100,000-touch store answers the conflict guard's lookups through indexes", () => {
  const sqlite = new SQLite(":memory:");
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  let facts: Awaited<ReturnType<typeof loadGuardFacts>>;
  let plans: { sql: string; plan: PlanRow[] }[] = [];

  beforeAll(async () => {
    await migrate(db, "sqlite");
    const at = (i: number) => new Date(START + Math.floor((i * SPAN_MS) / TOUCHES)).toISOString();
    const insertAccount = sqlite.prepare(
      "insert into accounts (domain, name, created_at, updated_at) values (?, ?, ?, ?)",
    );
    const insertContact = sqlite.prepare(
      "insert into contacts (email, account_domain, lifecycle_stage, created_at, updated_at) values (?, ?, 'lead', ?, ?)",
    );
    const insertTouch = sqlite.prepare(
      "insert into touches (id, contact_email, account_domain, channel, campaign, agent, occurred_at) values (?, ?, ?, ?, ?, ?, ?)",
    );
    sqlite.transaction(() => {
      const t0 = new Date(START).toISOString();
      for (let i = 0; i < ACCOUNTS; i++) insertAccount.run(accountOf(i), `Company ${i}`, t0, t0);
      for (let i = 0; i < CONTACTS; i++) insertContact.run(contactOf(i), accountOf(i), t0, t0);
      for (let i = 0; i < TOUCHES; i++) {
        // Touch i goes to contact i mod 10,000, so each contact has 10 touches spread over the year.
        insertTouch.run(
          `t${i}`,
          contactOf(i),
          accountOf(i),
          "email",
          `c${i % 20}`,
          AGENTS[i % AGENTS.length],
          at(i),
        );
      }
    })();
    expect(sqlite.prepare("select count(*) as n from touches").get()).toEqual({ n: TOUCHES });

    captured.length = 0;
    const started = performance.now();
    // The last touches of the year fall in the 30-day window: pick contacts and accounts that have some.
    facts = await loadGuardFacts(db, {
      contacts: [contactOf(TOUCHES - 1), contactOf(TOUCHES - 2)],
      accounts: [accountOf(TOUCHES - 3)],
      agents: ["deal-closer"],
      since: SINCE,
      now: NOW,
    });
    const ms = performance.now() - started;
    plans = captured.map((q) => ({
      sql: q.sql,
      plan: sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as PlanRow[],
    }));
    console.log(`loadGuardFacts over ${TOUCHES} touches: ${ms.toFixed(1)} ms, ${captured.length} statements`);
    for (const { sql, plan } of plans) {
      console.log(`\n${sql}\n${plan.map((p) => `  ${p.detail}`).join("\n")}`);
    }
  });

  afterAll(async () => {
    await db.destroy();
  });

  const touchPlans = () => plans.filter((p) => /from "touches"/.test(p.sql));
  const planText = (p: { plan: PlanRow[] }) => p.plan.map((r) => r.detail).join(" | ");

  it("finds the touches the guard needs (the lookups really hit data)", () => {
    // Brute force over the same rows: touches with since < occurred_at <= now by contact, account or agent.
    const expected = sqlite
      .prepare(
        `select count(*) as n from touches where occurred_at > ? and occurred_at <= ?
         and (contact_email in (?, ?) or account_domain = ? or agent = ?)`,
      )
      .get(
        SINCE.toISOString(),
        NOW.toISOString(),
        contactOf(TOUCHES - 1),
        contactOf(TOUCHES - 2),
        accountOf(TOUCHES - 3),
        "deal-closer",
      ) as { n: number };
    expect(expected.n).toBeGreaterThan(1000);
    expect(facts.touches).toHaveLength(expected.n);
  });

  it("looks up touches by contact, by account and by agent in a window through their (key, time) indexes", () => {
    const touch = touchPlans();
    const index = (column: string) => touch.find((p) => new RegExp(`"${column}" in`).test(p.sql));
    const cases = [
      ["contact_email", "touches_contact_time"],
      ["account_domain", "touches_account_time"],
      ["agent", "touches_agent_time"],
    ] as const;
    for (const [column, name] of cases) {
      const found = index(column);
      expect(found, `a touches query by ${column}`).toBeDefined();
      if (found === undefined) continue;
      const text = planText(found);
      expect(text).toMatch(
        new RegExp(
          `SEARCH touches USING (COVERING )?INDEX ${name} \\(${column}=\\? AND occurred_at>\\? AND occurred_at<\\?\\)`,
        ),
      );
    }
  });

  it("never scans the touches table in any guard statement", () => {
    const touch = touchPlans();
    // Three windowed lookups and the "touched before" check.
    expect(touch).toHaveLength(4);
    for (const p of touch) {
      expect(planText(p)).toMatch(/USING (COVERING )?INDEX/);
      expect(planText(p)).not.toMatch(/SCAN touches(?! USING)/);
    }
  });

  it("reads contacts, suppressions, opportunities, sequences and leases by key, not by scanning", () => {
    for (const p of plans.filter((q) => !/from "touches"/.test(q.sql))) {
      for (const row of p.plan) {
        expect(row.detail, p.sql).not.toMatch(
          /^SCAN (contacts|suppressions|opportunities|sequences|leases)$/,
        );
      }
    }
  });
});
