import type { Play } from "../actions.ts";
import type { Cluster } from "../agents.ts";
import type { ConflictContext, OutreachIntent } from "./context.ts";
import { ALLOW, type Decision } from "./decision.ts";
import { activeSequenceRule, leaseRule, openOpportunityRule, suppressionRule } from "./standing-rules.ts";
import { type TouchLog, touchLog } from "./touch-log.ts";
import { capRule, duplicateRule } from "./volume-rules.ts";

/** Which play goes first in a batch: the deal owner's work, then BD sequences, partnerships, campaigns, nurture. */
export const PLAY_PRIORITY: Readonly<Record<Play, number>> = Object.freeze({
  deal: 0,
  sequence: 1,
  partnership: 2,
  campaign: 3,
  nurture: 4,
});

const CLUSTER_PRIORITY: Readonly<Record<Cluster, number>> = Object.freeze({ bd: 0, marketing: 1 });

/**
 * The batch processing order, independent of input order: play priority (deal > sequence > partnership >
 * campaign > nurture), then cluster (bd first), then agent id, then actionId (both by UTF-16 code units);
 * then, for repeated actionIds only, contact, account, channel and content hash.
 */
export function compareIntents(a: OutreachIntent, b: OutreachIntent): number {
  return (
    PLAY_PRIORITY[a.play] - PLAY_PRIORITY[b.play] ||
    CLUSTER_PRIORITY[a.cluster] - CLUSTER_PRIORITY[b.cluster] ||
    compare(a.agent, b.agent) ||
    compare(a.actionId, b.actionId) ||
    compare(a.contactEmail.toLowerCase(), b.contactEmail.toLowerCase()) ||
    compare(a.accountDomain ?? "", b.accountDomain ?? "") ||
    compare(a.channel, b.channel) ||
    compare(a.contentHash, b.contentHash)
  );
}

/** Decides one intent against the context: the first rule that objects, in docs/domain-rules.md precedence, else allow. */
export function decide(intent: OutreachIntent, ctx: ConflictContext): Decision {
  return decideWith(intent, ctx, touchLog(ctx.recentTouches));
}

/**
 * Decides a batch as if its intents were proposed one after another in `compareIntents` order: each allowed
 * intent counts as a touch at `ctx.now` for those after it. Returns one decision per intent, in input order.
 * A deferral's `until` reflects the touches known when it was decided; later allows in the batch may push it.
 */
export function decideBatch(intents: readonly OutreachIntent[], ctx: ConflictContext): Decision[] {
  const log = touchLog(ctx.recentTouches);
  const order = intents.map((intent, index) => ({ intent, index }));
  order.sort((a, b) => compareIntents(a.intent, b.intent) || a.index - b.index);
  const decisions = new Array<Decision>(intents.length);
  for (const { intent, index } of order) {
    const decision = decideWith(intent, ctx, log);
    if (decision.type === "allow") {
      log.add({
        id: intent.actionId,
        contactEmail: intent.contactEmail,
        accountDomain: intent.accountDomain,
        channel: intent.channel,
        contentHash: intent.contentHash,
        agent: intent.agent,
        at: ctx.now,
      });
    }
    decisions[index] = decision;
  }
  return decisions;
}

function decideWith(intent: OutreachIntent, ctx: ConflictContext, log: TouchLog): Decision {
  return (
    suppressionRule(intent, ctx) ??
    openOpportunityRule(intent, ctx) ??
    activeSequenceRule(intent, ctx) ??
    leaseRule(intent, ctx) ??
    duplicateRule(intent, ctx, log) ??
    capRule(intent, ctx, log) ??
    ALLOW
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
