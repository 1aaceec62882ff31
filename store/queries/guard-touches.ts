import type { Kysely } from "kysely";
import { hotQuery } from "../compiled-query.ts";
import type { Database } from "../schema.ts";

/** A touch the conflict guard's contact and account rules read. */
export interface GuardTouch {
  id: string;
  contactEmail: string;
  accountDomain: string | null;
  channel: string;
  contentHash: string | null;
  agent: string | null;
  at: Date;
}

/** An agent's touches in one per-agent cap's window: counted, with the newest times when the cap could fill. */
export interface GuardAgentCount {
  agent: string;
  windowMs: number;
  max: number;
  count: number;
  /** Newest first; the newest `max` of the window when `count + proposals ≥ max`, else empty. */
  newest: Date[];
}

/** Which windows the guard's rules read, each `(now − ms, now]`; 0 skips a lookup. */
export interface GuardWindows {
  /** The contact rules' longest window: the dedupe window and the per-contact caps. */
  contactMs: number;
  /** The longest per-account cap. */
  accountMs: number;
  /** The per-agent caps, each counted over its own window. */
  agentCaps: readonly { windowMs: number; max: number }[];
}

const TOUCH_COLUMNS = [
  "id",
  "contact_email",
  "account_domain",
  "channel",
  "content_hash",
  "agent",
  "occurred_at",
] as const;

// Each key's touches over its own rule window, `(since, end]`, through the (key, time) index; compiled once
// per batch shape, since the guard runs them for every proposal.
const touchesBy = (key: "contact_email" | "account_domain") =>
  hotQuery((db, keys: readonly string[], since: string, end: string) =>
    db
      .selectFrom("touches")
      .select(TOUCH_COLUMNS)
      .where(key, "in", keys)
      .where("occurred_at", ">", since)
      .where("occurred_at", "<=", end),
  );
const contactTouches = touchesBy("contact_email");
const accountTouches = touchesBy("account_domain");
const agentTouchCounts = hotQuery((db, agents: readonly string[], since: string, end: string) =>
  db
    .selectFrom("touches")
    .select(["agent", db.fn.countAll<number>().as("n")])
    .where("agent", "in", agents)
    .where("occurred_at", ">", since)
    .where("occurred_at", "<=", end)
    .groupBy("agent"),
);
const agentNewest = hotQuery((db, agent: string, since: string, end: string, max: number) =>
  db
    .selectFrom("touches")
    .select("occurred_at")
    .where("agent", "=", agent)
    .where("occurred_at", ">", since)
    .where("occurred_at", "<=", end)
    .orderBy("occurred_at", "desc")
    .limit(max),
);

/**
 * The contacts' touches in the contact window and the accounts' in the account window, through the
 * (contact, time) and (account, time) indexes, merged by id in time order (ties by id).
 */
export async function windowTouches(
  db: Kysely<Database>,
  keys: { contacts: readonly string[]; accounts: readonly string[] },
  windows: GuardWindows,
  now: Date,
): Promise<GuardTouch[]> {
  const end = now.toISOString();
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const rows = [
    ...(keys.contacts.length && windows.contactMs > 0
      ? await contactTouches(db, keys.contacts, since(windows.contactMs), end)
      : []),
    ...(keys.accounts.length && windows.accountMs > 0
      ? await accountTouches(db, keys.accounts, since(windows.accountMs), end)
      : []),
  ];
  const byId = new Map(rows.map((t) => [t.id, t]));
  return [...byId.values()]
    .map((t) => ({
      id: t.id,
      contactEmail: t.contact_email,
      accountDomain: t.account_domain,
      channel: t.channel,
      contentHash: t.content_hash,
      agent: t.agent,
      at: new Date(t.occurred_at),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
}

/**
 * Per agent and per-agent cap, the agent's touches in the cap's window counted in SQL over the (agent, time)
 * index; only where the batch's proposals could fill the cap are the newest `max` times read as well.
 */
export async function agentCounts(
  db: Kysely<Database>,
  proposalsByAgent: ReadonlyMap<string, number>,
  caps: GuardWindows["agentCaps"],
  now: Date,
): Promise<GuardAgentCount[]> {
  const agents = [...proposalsByAgent.keys()];
  if (agents.length === 0) return [];
  const end = now.toISOString();
  const out: GuardAgentCount[] = [];
  for (const cap of caps) {
    const since = new Date(now.getTime() - cap.windowMs).toISOString();
    const rows = await agentTouchCounts(db, agents, since, end);
    const counts = new Map(rows.map((r) => [r.agent as string, Number(r.n)]));
    for (const agent of agents) {
      const count = counts.get(agent) ?? 0;
      const full = count > 0 && count + (proposalsByAgent.get(agent) ?? 0) >= cap.max;
      const newest = full
        ? (await agentNewest(db, agent, since, end, cap.max)).map((r) => new Date(r.occurred_at))
        : [];
      out.push({ agent, windowMs: cap.windowMs, max: cap.max, count, newest });
    }
  }
  return out;
}
