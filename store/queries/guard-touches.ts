import type { Kysely } from "kysely";
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
  // Each key's touches over its own rule window, `(now − W, now]`, through the (key, time) index.
  const within = async (column: "contact_email" | "account_domain", values: readonly string[], ms: number) =>
    values.length && ms > 0
      ? db
          .selectFrom("touches")
          .select(TOUCH_COLUMNS)
          .where(column, "in", values)
          .where("occurred_at", ">", new Date(now.getTime() - ms).toISOString())
          .where("occurred_at", "<=", end)
          .execute()
      : [];
  const rows = [
    ...(await within("contact_email", keys.contacts, windows.contactMs)),
    ...(await within("account_domain", keys.accounts, windows.accountMs)),
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
    const rows = await db
      .selectFrom("touches")
      .select(["agent", db.fn.countAll<number>().as("n")])
      .where("agent", "in", agents)
      .where("occurred_at", ">", since)
      .where("occurred_at", "<=", end)
      .groupBy("agent")
      .execute();
    const counts = new Map(rows.map((r) => [r.agent as string, Number(r.n)]));
    for (const agent of agents) {
      const count = counts.get(agent) ?? 0;
      const full = count > 0 && count + (proposalsByAgent.get(agent) ?? 0) >= cap.max;
      const newest = full
        ? (
            await db
              .selectFrom("touches")
              .select("occurred_at")
              .where("agent", "=", agent)
              .where("occurred_at", ">", since)
              .where("occurred_at", "<=", end)
              .orderBy("occurred_at", "desc")
              .limit(cap.max)
              .execute()
          ).map((r) => new Date(r.occurred_at))
        : [];
      out.push({ agent, windowMs: cap.windowMs, max: cap.max, count, newest });
    }
  }
  return out;
}
