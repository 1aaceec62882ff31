import type { Kysely } from "kysely";
import type { ApprovalRow } from "../repos/approvals.ts";
import type { Database } from "../schema.ts";

/** A person an approval's action reaches, with what the CRM knows of them and their account. */
export interface ApprovalPerson {
  email: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  accountDomain: string | null;
  accountName: string | null;
}

/** An account an approval's action reaches. */
export interface ApprovalAccount {
  domain: string;
  name: string | null;
  industry: string | null;
  country: string | null;
}

/** The guard's decision on one target of the action, as the conflict guard recorded it. */
export interface ApprovalGuardLine {
  target: string;
  decision: string;
  rule: string | null;
  reason: string;
}

/** Everything the store holds that a person needs to judge an approval, read in a few indexed queries. */
export interface ApprovalFacts {
  rows: ApprovalRow[];
  people: Map<string, ApprovalPerson>;
  accounts: Map<string, ApprovalAccount>;
  /** Guard decisions per approval id, from the `guard_decision` event the guard wrote for the action. */
  guard: Map<string, ApprovalGuardLine[]>;
}

/** Which approvals to read: every pending one (oldest first), or the given ids. */
export type ApprovalSelection = { pending: true } | { ids: readonly string[] };

/**
 * Reads approvals with their recipients, accounts and guard decisions. `peopleOf` and `accountsOf` say which
 * emails and domains of an action to look up (the caller samples bulk audiences before asking).
 */
export async function approvalFacts(
  db: Kysely<Database>,
  selection: ApprovalSelection,
  peopleOf: (action: unknown) => string[],
  accountsOf: (action: unknown) => string[],
): Promise<ApprovalFacts> {
  let query = db.selectFrom("approvals").selectAll();
  if ("pending" in selection) query = query.where("status", "=", "pending");
  else if (selection.ids.length === 0) return empty();
  else query = query.where("id", "in", [...selection.ids]);
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  if (rows.length === 0) return empty();

  const actions = rows.map((r) => JSON.parse(r.action) as unknown);
  const emails = [...new Set(actions.flatMap(peopleOf))];
  const people = new Map<string, ApprovalPerson>();
  const domains = new Set(actions.flatMap(accountsOf));
  for (let i = 0; i < emails.length; i += 500) {
    const found = await db
      .selectFrom("contacts")
      .select(["email", "first_name", "last_name", "title", "account_domain"])
      .where("email", "in", emails.slice(i, i + 500))
      .execute();
    for (const c of found) {
      people.set(c.email, {
        email: c.email,
        firstName: c.first_name,
        lastName: c.last_name,
        title: c.title,
        accountDomain: c.account_domain,
        accountName: null,
      });
      if (c.account_domain) domains.add(c.account_domain);
    }
  }
  const accounts = new Map<string, ApprovalAccount>();
  const list = [...domains];
  for (let i = 0; i < list.length; i += 500) {
    const found = await db
      .selectFrom("accounts")
      .select(["domain", "name", "industry", "country"])
      .where("domain", "in", list.slice(i, i + 500))
      .execute();
    for (const a of found) accounts.set(a.domain, a);
  }
  for (const p of people.values())
    p.accountName = p.accountDomain ? (accounts.get(p.accountDomain)?.name ?? null) : null;

  const guardIds = rows.map((r) => `${r.run_id}:guard:${r.action_id}`);
  const byEvent = new Map<string, string>();
  for (let i = 0; i < guardIds.length; i += 500) {
    const events = await db
      .selectFrom("events")
      .select(["id", "payload"])
      .where("id", "in", guardIds.slice(i, i + 500))
      .execute();
    for (const e of events) byEvent.set(e.id, e.payload);
  }
  const guard = new Map<string, ApprovalGuardLine[]>();
  for (const r of rows) {
    const payload = byEvent.get(`${r.run_id}:guard:${r.action_id}`);
    const decisions = payload
      ? ((JSON.parse(payload) as { decisions?: ApprovalGuardLine[] }).decisions ?? [])
      : [];
    guard.set(
      r.id,
      decisions.map((d) => ({ target: d.target, decision: d.decision, rule: d.rule, reason: d.reason })),
    );
  }
  return { rows, people, accounts, guard };
}

function empty(): ApprovalFacts {
  return { rows: [], people: new Map(), accounts: new Map(), guard: new Map() };
}
