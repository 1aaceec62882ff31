import type { Kysely } from "kysely";
import { hotQuery } from "../compiled-query.ts";
import type { Database } from "../schema.ts";
import {
  agentCounts,
  type GuardAgentCount,
  type GuardTouch,
  type GuardWindows,
  windowTouches,
} from "./guard-touches.ts";

export type { GuardAgentCount, GuardTouch, GuardWindows } from "./guard-touches.ts";

/** Everything the conflict guard needs about a set of contacts, accounts and agents, read in a few indexed queries. */
export interface GuardFacts {
  contacts: Map<
    string,
    { email: string; title: string | null; accountDomain: string | null; flags: string[] }
  >;
  suppressions: {
    contactEmail: string | null;
    accountDomain: string | null;
    reason: "do_not_contact" | "unsubscribed" | "bounced" | "objection";
    expiresAt: Date | null;
  }[];
  openOpportunities: { id: string; accountDomain: string; owner: string | null; stage: string }[];
  activeSequences: {
    id: string;
    contactEmail: string;
    accountDomain: string | null;
    agent: string;
    cluster: string;
  }[];
  leases: Map<string, { holder: string; expiresAt: Date }>;
  /** The contacts' touches in the contact window and the accounts' in the account window. */
  touches: GuardTouch[];
  /** The agents' touches per per-agent cap window, counted. */
  agentCounts: GuardAgentCount[];
  /** Contacts that have ever been touched, for the "first touch" approval rule. */
  touchedBefore: Set<string>;
}

const SUPPRESSION_REASONS = new Set(["do_not_contact", "unsubscribed", "bounced", "objection"]);
const CLOSED = ["closed_won", "closed_lost"];

// The guard's reads, compiled once per batch shape (they run for every proposal of every event).
const contactsQuery = hotQuery((db, emails: readonly string[]) =>
  db
    .selectFrom("contacts")
    .select(["email", "title", "account_domain", "do_not_contact", "unsubscribed", "bounced"])
    .where("email", "in", emails),
);
const suppressionsQuery = hotQuery((db, contacts: readonly string[], accounts: readonly string[]) =>
  db
    .selectFrom("suppressions")
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(contacts.length ? [eb("contact_email", "in", contacts)] : []),
        ...(accounts.length ? [eb("account_domain", "in", accounts)] : []),
      ]),
    ),
);
const openOpportunitiesQuery = hotQuery((db, accounts: readonly string[]) =>
  db
    .selectFrom("opportunities")
    .select(["id", "account_domain", "owner", "stage"])
    .where("account_domain", "in", accounts)
    .where("stage", "not in", CLOSED),
);
const activeSequencesQuery = hotQuery(
  (db, contacts: readonly string[], accounts: readonly string[], now: string) =>
    db
      .selectFrom("sequences")
      .selectAll()
      .where("status", "=", "active")
      .where((eb) =>
        eb.or([
          ...(contacts.length ? [eb("contact_email", "in", contacts)] : []),
          ...(accounts.length ? [eb("account_domain", "in", accounts)] : []),
        ]),
      )
      .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", now)])),
);
const leasesQuery = hotQuery((db, accounts: readonly string[]) =>
  db.selectFrom("leases").selectAll().where("account_domain", "in", accounts),
);
const touchedQuery = hotQuery((db, contacts: readonly string[], now: string) =>
  db
    .selectFrom("touches")
    .select("contact_email")
    .distinct()
    .where("contact_email", "in", contacts)
    .where("occurred_at", "<=", now),
);

/**
 * Loads the facts for one batch of proposals at `now`, each rule's touches over its own window only: the
 * contacts' and accounts' touches, and per agent a count (`proposalsByAgent`: how many outreach targets each
 * agent proposes). Every lookup is an index search, so the cost grows with log n, not with the store.
 */
export async function loadGuardFacts(
  db: Kysely<Database>,
  keys: {
    contacts: string[];
    accounts: string[];
    proposalsByAgent: ReadonlyMap<string, number>;
    windows: GuardWindows;
    now: Date;
  },
): Promise<GuardFacts> {
  const contacts = [...new Set(keys.contacts)];
  const accounts = [...new Set(keys.accounts)];
  const now = keys.now.toISOString();

  const contactRows = contacts.length ? await contactsQuery(db, contacts) : [];
  const suppressionRows =
    contacts.length || accounts.length ? await suppressionsQuery(db, contacts, accounts) : [];
  const opportunityRows = accounts.length ? await openOpportunitiesQuery(db, accounts) : [];
  const sequenceRows =
    contacts.length || accounts.length ? await activeSequencesQuery(db, contacts, accounts, now) : [];
  const leaseRows = accounts.length ? await leasesQuery(db, accounts) : [];

  const touches = await windowTouches(db, { contacts, accounts }, keys.windows, keys.now);
  const counts = await agentCounts(db, keys.proposalsByAgent, keys.windows.agentCaps, keys.now);
  const touchedRows = contacts.length ? await touchedQuery(db, contacts, now) : [];

  return {
    contacts: new Map(
      contactRows.map((c) => [
        c.email,
        {
          email: c.email,
          title: c.title,
          accountDomain: c.account_domain,
          flags: [
            ...(c.do_not_contact ? ["do_not_contact"] : []),
            ...(c.unsubscribed ? ["unsubscribed"] : []),
            ...(c.bounced ? ["bounced"] : []),
          ],
        },
      ]),
    ),
    suppressions: suppressionRows
      .filter((s) => SUPPRESSION_REASONS.has(s.reason))
      .map((s) => ({
        contactEmail: s.contact_email,
        accountDomain: s.account_domain,
        reason: s.reason as GuardFacts["suppressions"][number]["reason"],
        expiresAt: s.expires_at ? new Date(s.expires_at) : null,
      })),
    openOpportunities: opportunityRows.map((o) => ({
      id: o.id,
      accountDomain: o.account_domain,
      owner: o.owner,
      stage: o.stage,
    })),
    activeSequences: sequenceRows.map((s) => ({
      id: s.id,
      contactEmail: s.contact_email,
      accountDomain: s.account_domain,
      agent: s.agent,
      cluster: s.cluster,
    })),
    leases: new Map(
      leaseRows.map((l) => [l.account_domain, { holder: l.holder, expiresAt: new Date(l.expires_at) }]),
    ),
    touches,
    agentCounts: counts,
    touchedBefore: new Set(touchedRows.map((r) => r.contact_email)),
  };
}

/** The current stage of opportunities, for stage-move checks. */
export async function opportunityStages(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { stage: string; accountDomain: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("opportunities")
    .select(["id", "stage", "account_domain"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { stage: r.stage, accountDomain: r.account_domain }]));
}
