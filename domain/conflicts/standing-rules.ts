import type { ConflictContext, OutreachIntent } from "./context.ts";
import type { Decision } from "./decision.ts";
import { DEFAULT_PAUSE_RECHECK_MS } from "./policy.ts";
import { sameKey } from "./touch-log.ts";

// Rules 1–4 of docs/domain-rules.md "Conflict precedence": they read the standing facts (suppressions, opportunities,
// sequences, the lease), never the touch history. Each returns null when it has nothing to say.

/** Rule 1: an unexpired contact- or account-level suppression always wins. */
export function suppressionRule(intent: OutreachIntent, ctx: ConflictContext): Decision | null {
  const active = ctx.suppressions.filter((s) => s.expiresAt === null || s.expiresAt > ctx.now);
  const contact = active.find((s) => sameKey(s.contactEmail, intent.contactEmail));
  if (contact) {
    return {
      type: "suppress",
      rule: "suppression",
      reason: `Contact ${intent.contactEmail} is suppressed (${contact.reason})${until(contact.expiresAt)}; suppression always wins, so no touch is sent.`,
    };
  }
  const account = active.find(
    (s) => s.contactEmail === null && sameKey(s.accountDomain, intent.accountDomain),
  );
  if (account) {
    return {
      type: "suppress",
      rule: "suppression",
      reason: `Account ${intent.accountDomain} is suppressed (${account.reason})${until(account.expiresAt)}; suppression always wins, so no touch is sent to ${intent.contactEmail}.`,
    };
  }
  return null;
}

/** Rule 2: an open opportunity lets only its owner's deal plays through; marketing pauses, other BD plays are dropped. */
export function openOpportunityRule(intent: OutreachIntent, ctx: ConflictContext): Decision | null {
  const blocking = ctx.openOpportunities
    .filter((o) => sameKey(o.accountDomain, intent.accountDomain))
    .filter((o) => !(intent.play === "deal" && intent.cluster === o.ownerCluster))
    .sort((a, b) => compare(a.id, b.id))[0];
  if (!blocking) return null;
  const opening = `Account ${intent.accountDomain} has open opportunity ${blocking.id} owned by ${blocking.owner}`;
  if (intent.cluster === "marketing") {
    const at = recheck(ctx);
    return {
      type: "defer",
      rule: "open_opportunity",
      reason: `${opening}; marketing touches to ${intent.contactEmail} pause until ${at.toISOString()}.`,
      until: at,
    };
  }
  return {
    type: "suppress",
    rule: "open_opportunity",
    reason: `${opening}; only the owner's deal plays may touch it, so this ${intent.play} touch to ${intent.contactEmail} is dropped.`,
  };
}

/** Rule 3: while a BD sequence runs for the contact or its account, marketing waits; BD's own plays pass. */
export function activeSequenceRule(intent: OutreachIntent, ctx: ConflictContext): Decision | null {
  if (intent.cluster !== "marketing") return null;
  const running = ctx.activeSequences
    .filter((s) => s.cluster === "bd")
    .filter(
      (s) => sameKey(s.contactEmail, intent.contactEmail) || sameKey(s.accountDomain, intent.accountDomain),
    )
    .sort((a, b) => compare(a.id, b.id))[0];
  if (!running) return null;
  const at = recheck(ctx);
  const whose = sameKey(running.contactEmail, intent.contactEmail)
    ? `Contact ${intent.contactEmail} is`
    : `Account ${intent.accountDomain} (of ${intent.contactEmail}) is`;
  return {
    type: "defer",
    rule: "active_sequence",
    reason: `${whose} in active BD sequence ${running.id} run by ${running.agent}; marketing waits until ${at.toISOString()}.`,
    until: at,
  };
}

/** Rule 4: an unexpired lease on the account held by another agent defers the touch until the lease ends. */
export function leaseRule(intent: OutreachIntent, ctx: ConflictContext): Decision | null {
  const lease = ctx.lease;
  if (!lease || !sameKey(lease.accountDomain, intent.accountDomain)) return null;
  if (lease.holder === intent.agent || lease.expiresAt <= ctx.now) return null;
  return {
    type: "defer",
    rule: "lease",
    reason: `Account ${intent.accountDomain} is leased by ${lease.holder} until ${lease.expiresAt.toISOString()}; the touch to ${intent.contactEmail} waits for the lease to end.`,
    until: lease.expiresAt,
  };
}

function recheck(ctx: ConflictContext): Date {
  return new Date(ctx.now.getTime() + (ctx.policy.pauseRecheckMs ?? DEFAULT_PAUSE_RECHECK_MS));
}

function until(expiresAt: Date | null): string {
  return expiresAt === null ? "" : ` until ${expiresAt.toISOString()}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
