import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import { loadGuardFacts } from "./queries/guard-facts.ts";
import { type DealTouches, eachDealTouches } from "./queries/report-data.ts";
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
const DAY = 86_400_000;
const WINDOWS = { contactMs: 30 * DAY, accountMs: 7 * DAY, agentCaps: [{ windowMs: DAY, max: 500 }] };

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
    // 500 proposals by deal-closer could fill its cap of 500 a day, so its newest times are read too.
    facts = await loadGuardFacts(db, {
      contacts: [contactOf(TOUCHES - 1), contactOf(TOUCHES - 2)],
      accounts: [accountOf(TOUCHES - 3)],
      proposalsByAgent: new Map([
        ["deal-closer", 500],
        ["lead-engagement", 1],
      ]),
      windows: WINDOWS,
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

  it("finds the touches the guard needs, each rule over its own window (the lookups really hit data)", () => {
    // Brute force over the same rows: contacts' touches in 30 days, the account's in 7 days.
    const since = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
    const expected = sqlite
      .prepare(
        `select count(*) as n from touches where occurred_at <= ?
         and ((contact_email in (?, ?) and occurred_at > ?) or (account_domain = ? and occurred_at > ?))`,
      )
      .get(
        NOW.toISOString(),
        contactOf(TOUCHES - 1),
        contactOf(TOUCHES - 2),
        since(WINDOWS.contactMs),
        accountOf(TOUCHES - 3),
        since(WINDOWS.accountMs),
      ) as { n: number };
    expect(expected.n).toBeGreaterThanOrEqual(3);
    expect(facts.touches).toHaveLength(expected.n);
  });

  it("counts each agent's touches in its cap's window, and reads the newest times only where the cap could fill", () => {
    const count = (agent: string) =>
      (
        sqlite
          .prepare(
            "select count(*) as n from touches where agent = ? and occurred_at > ? and occurred_at <= ?",
          )
          .get(agent, new Date(NOW.getTime() - DAY).toISOString(), NOW.toISOString()) as { n: number }
      ).n;
    const closer = facts.agentCounts.find((c) => c.agent === "deal-closer");
    const engagement = facts.agentCounts.find((c) => c.agent === "lead-engagement");
    expect(closer?.count).toBe(count("deal-closer"));
    expect(closer?.count).toBeGreaterThan(10);
    expect(closer?.newest).toHaveLength(closer?.count ?? -1);
    const times = closer?.newest.map((d) => d.getTime()) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(engagement?.count).toBe(count("lead-engagement"));
    expect(engagement?.newest).toEqual([]);
  });

  it("looks up touches by contact, by account and by agent in a window through their (key, time) indexes", () => {
    const touch = touchPlans();
    const cases = [
      ["contact_email", "in", "touches_contact_time"],
      ["account_domain", "in", "touches_account_time"],
      ["agent", "in", "touches_agent_time"],
      ["agent", "=", "touches_agent_time"],
    ] as const;
    for (const [column, op, name] of cases) {
      const found = touch.find((p) => new RegExp(`"${column}" ${op} `).test(p.sql));
      expect(found, `a touches query by ${column} ${op}`).toBeDefined();
      if (found === undefined) continue;
      const text = planText(found);
      expect(text).toMatch(
        new RegExp(
          `SEARCH touches USING (COVERING )?INDEX ${name} \\(${column}=\\? AND occurred_at>\\? AND occurred_at<\\?\\)`,
        ),
      );
      // The count and the newest times come straight off the index: no sort, no temporary table.
      expect(text, found.sql).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("counts an agent's touches from the covering index, without reading the table", () => {
    const count = touchPlans().find((p) => /count\(\*\)/.test(p.sql));
    expect(count).toBeDefined();
    expect(planText(count ?? { plan: [] })).toMatch(/USING COVERING INDEX touches_agent_time/);
  });

  it("never scans the touches table in any guard statement", () => {
    const touch = touchPlans();
    // Contact and account windows, the agent count and its newest times, and the "touched before" check.
    expect(touch).toHaveLength(5);
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

/**
 * `growth report` reads its won deals a chunk at a time: their accounts' touches in each deal's look-back and
 * each lead-creation anchor. Run for real through `eachDealTouches` on 100,000 touches and explained, like
 * the guard's lookups; each deal's read is checked against a query of its own.
 */
describe("a 100,000-touch store answers the report's won-deal reads through indexes", () => {
  const sqlite = new SQLite(":memory:");
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  const reads: { deal: { accountDomain: string; from: Date; to: Date }; read: DealTouches }[] = [];
  let plans: { sql: string; plan: string }[] = [];
  // 300 deals (more than one chunk), some accounts with several deals at different closes, one with no contacts.
  const deals = Array.from({ length: 300 }, (_, i) => {
    const to = new Date(START + SPAN_MS / 2 + (i % 5) * 20 * DAY);
    return {
      accountDomain: i === 299 ? "nobody.example.com" : accountOf(i * 7),
      from: new Date(to.getTime() - 365 * DAY),
      to,
    };
  });

  beforeAll(async () => {
    await migrate(db, "sqlite");
    const insertContact = sqlite.prepare(
      "insert into contacts (email, account_domain, lifecycle_stage, created_at, updated_at) values (?, ?, 'lead', ?, ?)",
    );
    const insertTouch = sqlite.prepare(
      "insert into touches (id, contact_email, account_domain, channel, agent, occurred_at) values (?, ?, ?, 'email', ?, ?)",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < CONTACTS; i++) {
        const at = new Date(START + (i % 97) * DAY).toISOString();
        insertContact.run(contactOf(i), accountOf(i), at, at);
      }
      for (let i = 0; i < TOUCHES; i++) {
        const at = new Date(START + Math.floor((i * SPAN_MS) / TOUCHES)).toISOString();
        insertTouch.run(`t${i}`, contactOf(i), accountOf(i), AGENTS[i % AGENTS.length], at);
      }
    })();
    captured.length = 0;
    await eachDealTouches(db, deals, (deal, read) => reads.push({ deal, read }));
    plans = captured.map((q) => ({
      sql: q.sql,
      plan: (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as PlanRow[])
        .map((r) => r.detail)
        .join(" | "),
    }));
  });

  afterAll(async () => {
    await db.destroy();
  });

  it("gives each deal, in order, exactly its account's touches in [from, to] and its earliest contact", () => {
    expect(reads.map((r) => r.deal)).toEqual(deals);
    const expected = sqlite.prepare(
      "select id from touches where account_domain = ? and occurred_at >= ? and occurred_at <= ? order by id",
    );
    const first = sqlite.prepare("select min(created_at) as first from contacts where account_domain = ?");
    for (const { deal, read } of reads) {
      const ids = (
        expected.all(deal.accountDomain, deal.from.toISOString(), deal.to.toISOString()) as { id: string }[]
      ).map((r) => r.id);
      expect(read.touches.map((t) => t.id).sort()).toEqual(ids.sort());
      const anchor = (first.get(deal.accountDomain) as { first: string | null }).first;
      expect(read.firstContactAt?.toISOString() ?? null).toBe(anchor);
    }
    expect(reads[0]!.read.touches.length).toBeGreaterThan(10);
    expect(reads[299]!.read).toEqual({ touches: [], firstContactAt: null });
  });

  it("counts contacts per lifecycle stage off the covering (lifecycle_stage) index, with no sort", async () => {
    const query = db
      .selectFrom("contacts")
      .select(["lifecycle_stage", db.fn.countAll<number>().as("n")])
      .groupBy("lifecycle_stage")
      .orderBy("lifecycle_stage")
      .compile();
    const plan = (sqlite.prepare(`explain query plan ${query.sql}`).all() as PlanRow[]).map((r) => r.detail);
    expect(plan.join(" | ")).toMatch(/SCAN contacts USING COVERING INDEX contacts_lifecycle/);
    expect(plan.join(" | ")).not.toMatch(/TEMP B-TREE/);
  });

  it("reads a chunk of deals in one statement, searching the (account, time) and (account, created_at) indexes", () => {
    // 300 deals: two chunks, each one statement whose subqueries aggregate the touches and take the anchor.
    expect(plans).toHaveLength(2);
    for (const p of plans) {
      expect(p.plan).toMatch(
        /SEARCH t USING INDEX touches_account_time \(account_domain=\? AND occurred_at>\? AND occurred_at<\?\)/,
      );
      expect(p.plan).toMatch(/SEARCH c USING COVERING INDEX contacts_account_created \(account_domain=\?\)/);
    }
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(/SCAN (t|touches|contacts)\b|TEMP B-TREE/);
  });
});
