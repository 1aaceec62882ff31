import type { Play } from "../actions.ts";
import type { Cluster } from "../agents.ts";
import type { ConflictPolicy } from "./policy.ts";

/** One proposed outreach to one contact, as the conflict rules see it. */
export interface OutreachIntent {
  /** Unique inside a batch; the tie-break of last resort. */
  readonly actionId: string;
  readonly agent: string;
  readonly cluster: Cluster;
  readonly play: Play;
  readonly contactEmail: string;
  readonly accountDomain: string | null;
  readonly channel: string;
  readonly contentHash: string;
  /** When the agent proposed it; the rules decide at `ctx.now`, and an allowed intent counts as a touch at `ctx.now`. */
  readonly at: Date;
}

/** Why a contact or account must not be contacted. */
export type SuppressionReason = "do_not_contact" | "unsubscribed" | "bounced" | "objection";

/** A suppression: contact-level when `contactEmail` is set, account-level when only `accountDomain` is; null `expiresAt` never expires. */
export interface Suppression {
  readonly contactEmail: string | null;
  readonly accountDomain: string | null;
  readonly reason: SuppressionReason;
  readonly expiresAt: Date | null;
}

/** An open opportunity; its owner's cluster works the account alone. */
export interface OpenOpportunity {
  readonly id: string;
  readonly accountDomain: string;
  readonly owner: string;
  readonly ownerCluster: Cluster;
}

/** A sequence currently running for a contact. */
export interface ActiveSequence {
  readonly id: string;
  readonly contactEmail: string;
  readonly accountDomain: string | null;
  readonly agent: string;
  readonly cluster: Cluster;
}

/** Who holds an account right now, and until when. */
export interface AccountLease {
  readonly accountDomain: string;
  readonly holder: string;
  readonly expiresAt: Date;
}

/** A touch already made (or allowed earlier in the same batch). */
export interface RecentTouch {
  readonly id: string;
  readonly contactEmail: string;
  readonly accountDomain: string | null;
  readonly channel: string;
  readonly contentHash: string | null;
  readonly agent: string | null;
  readonly at: Date;
}

/**
 * One agent's touches inside one per-agent cap's window `(now − windowMs, now]`, counted by the store instead of
 * listed: `count` of them, and the newest `min(count, max)` times, newest first, whenever the batch could bring
 * the count to the cap (otherwise `newest` may be empty, since no check reads it).
 */
export interface AgentWindowCount {
  readonly agent: string;
  readonly windowMs: number;
  /** The cap it was counted for: two caps may share a window and need different numbers of newest times. */
  readonly max: number;
  readonly count: number;
  readonly newest: readonly Date[];
}

/**
 * Everything the rules know at decision time. `recentTouches` should cover each rule's window before `now` for
 * the contacts and accounts of the batch, and for its agents unless `agentCounts` counts them: an agent and
 * cap found there is capped from its count, and that agent's entries in `recentTouches` are not read.
 */
export interface ConflictContext {
  readonly now: Date;
  readonly suppressions: readonly Suppression[];
  readonly openOpportunities: readonly OpenOpportunity[];
  readonly activeSequences: readonly ActiveSequence[];
  readonly lease: AccountLease | null;
  readonly recentTouches: readonly RecentTouch[];
  readonly agentCounts?: readonly AgentWindowCount[];
  readonly policy: ConflictPolicy;
}
