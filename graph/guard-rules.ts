import type { ProposedAction } from "../domain/actions.ts";
import type { ConflictContext, Decision } from "../domain/conflicts/index.ts";
import { checkTransition, parseStage } from "../domain/pipeline/index.ts";
import type { GuardFacts, GuardWindows } from "../store/queries/guard-facts.ts";
import { acquireLease } from "../store/repos/leases.ts";
import type { GraphDeps } from "./deps.ts";
import { leaseHolder } from "./effects.ts";
import type { GraphStateValue, GuardDecision } from "./state.ts";

// The conflict guard's rules beside the domain's outreach rules: the account lease (taken in the database),
// a second sequence for one contact, and the rules for stage moves, new opportunities, offers and audiences.

/** A decision without the action it is about. */
export type Verdict = Pick<GuardDecision, "decision" | "rule" | "reason" | "until">;

/** The verdict when no rule stops an action. */
export const ALLOW: Verdict = {
  decision: "allow",
  rule: null,
  reason: "No rule stops this action.",
  until: null,
};

/** The domain's view of the facts the guard loaded. */
export function conflictContext(
  facts: GuardFacts,
  now: Date,
  policy: GraphDeps["conflictPolicy"],
): ConflictContext {
  const flagged = [...facts.contacts.values()].flatMap((c) =>
    c.flags.map((reason) => ({
      contactEmail: c.email,
      accountDomain: null,
      reason: reason as GuardFacts["suppressions"][number]["reason"],
      expiresAt: null,
    })),
  );
  return {
    now,
    suppressions: [...facts.suppressions, ...flagged],
    openOpportunities: facts.openOpportunities.map((o) => ({
      id: o.id,
      accountDomain: o.accountDomain,
      owner: o.owner ?? "unassigned",
      ownerCluster: "bd" as const,
    })),
    activeSequences: facts.activeSequences.map((s) => ({
      ...s,
      cluster: s.cluster === "marketing" ? ("marketing" as const) : ("bd" as const),
    })),
    lease: null,
    recentTouches: facts.touches,
    agentCounts: facts.agentCounts,
    policy,
  };
}

/** The windows the policy's rules read: contacts over dedupe and their caps, accounts and agents over theirs. */
export function guardWindows(policy: GraphDeps["conflictPolicy"]): GuardWindows {
  const longest = (ms: readonly number[]) => Math.max(0, ...ms);
  return {
    contactMs: longest([policy.dedupeWindowMs, ...policy.caps.perContact.map((c) => c.windowMs)]),
    accountMs: longest(policy.caps.perAccount.map((c) => c.windowMs)),
    agentCaps: policy.caps.perAgent.map((c) => ({ windowMs: c.windowMs, max: c.max })),
  };
}

/** A domain decision as the graph records it. */
export function fromDomain(d: Decision): Verdict {
  switch (d.type) {
    case "allow":
      return ALLOW;
    case "defer":
      return { decision: "defer", rule: d.rule, reason: d.reason, until: d.until.toISOString() };
    case "suppress":
      return { decision: "suppress", rule: d.rule, reason: d.reason, until: null };
    case "escalate":
      return { decision: "escalate", rule: d.rule, reason: d.reason, until: null };
  }
}

/** A new sequence for a contact already in an active one would be a second outreach: keep the first. */
export function sequenceRule(action: ProposedAction, contact: string, facts: GuardFacts): Verdict | null {
  if (action.type !== "send_touch" || !action.sequenceId) return null;
  const other = facts.activeSequences.find((s) => s.contactEmail === contact && s.id !== action.sequenceId);
  const same = facts.activeSequences.find((s) => s.contactEmail === contact && s.id === action.sequenceId);
  if (!other && !same) return null;
  // A later step of the contact's own sequence continues it; a new step 1 would start a second outreach.
  if (!other && same && action.step > 1) return null;
  return {
    decision: "suppress",
    rule: "active_sequence",
    reason: `The contact is already in active sequence ${(other ?? same)!.id}; a second sequence would repeat outreach.`,
    until: null,
  };
}

/** Takes the account lease for this run, or defers while another run holds it. */
export async function leaseRule(
  deps: GraphDeps,
  state: GraphStateValue,
  account: string,
  facts: GuardFacts,
  now: Date,
): Promise<Verdict | null> {
  const holder = leaseHolder(state.run.runId);
  const lease = facts.leases.get(account);
  if (lease && lease.holder !== holder && lease.expiresAt > now) {
    return leaseVerdict(account, lease.holder, lease.expiresAt);
  }
  const taken = await acquireLease(deps.db, {
    accountDomain: account,
    holder,
    runId: state.run.runId,
    threadId: state.run.threadId,
    now,
    ttlMs: deps.leaseTtlMs,
  });
  return taken.granted ? null : leaseVerdict(account, taken.holder, taken.expiresAt);
}

function leaseVerdict(account: string, holder: string, until: Date): Verdict {
  return {
    decision: "defer",
    rule: "lease",
    reason: `Account ${account} is being worked by ${holder}; retry after its lease ends.`,
    until: until.toISOString(),
  };
}

/** The rules for actions that touch nobody directly: offers, new opportunities, stage moves, campaign audiences. */
export async function otherRules(
  deps: GraphDeps,
  state: GraphStateValue,
  action: ProposedAction,
  facts: GuardFacts,
  stages: Map<string, { stage: string; accountDomain: string }>,
  now: Date,
): Promise<GuardDecision[]> {
  const accountSuppressed = (domain: string) =>
    facts.suppressions.find(
      (s) => s.accountDomain === domain && !s.contactEmail && (!s.expiresAt || s.expiresAt > now),
    );
  switch (action.type) {
    case "make_offer": {
      const s = accountSuppressed(action.accountDomain);
      const verdict: Verdict = s
        ? {
            decision: "suppress",
            rule: "suppression",
            reason: `Account ${action.accountDomain} is suppressed (${s.reason}).`,
            until: null,
          }
        : ((await leaseRule(deps, state, action.accountDomain, facts, now)) ?? ALLOW);
      return [decision(action, action.accountDomain, null, action.accountDomain, verdict)];
    }
    case "create_opportunity": {
      const open = facts.openOpportunities.find((o) => o.accountDomain === action.accountDomain);
      const verdict: Verdict = open
        ? {
            decision: "suppress",
            rule: "open_opportunity",
            reason: `Account ${action.accountDomain} already has open opportunity ${open.id} (${open.stage}); a second would duplicate it.`,
            until: null,
          }
        : ALLOW;
      return [decision(action, action.accountDomain, null, action.accountDomain, verdict)];
    }
    case "move_stage": {
      const current = stages.get(action.opportunityId);
      const to = parseStage(action.toStage);
      let verdict: Verdict = ALLOW;
      if (!current) {
        verdict = {
          decision: "suppress",
          rule: "invalid",
          reason: `There is no opportunity ${action.opportunityId}.`,
          until: null,
        };
      } else if (!to) {
        verdict = {
          decision: "suppress",
          rule: "invalid",
          reason: `Stage "${action.toStage}" is unknown.`,
          until: null,
        };
      } else {
        const check = checkTransition(parseStage(current.stage), to, { reason: action.reason ?? undefined });
        if (!check.ok)
          verdict = { decision: "suppress", rule: "invalid", reason: check.message, until: null };
      }
      return [decision(action, "-", null, current?.accountDomain ?? null, verdict)];
    }
    case "create_campaign": {
      const excluded: GuardDecision[] = [];
      for (const domain of action.audienceDomains) {
        const open = facts.openOpportunities.find((o) => o.accountDomain === domain);
        const seq = facts.activeSequences.find((s) => s.accountDomain === domain && s.cluster === "bd");
        const sup = accountSuppressed(domain);
        const verdict: Verdict | null = sup
          ? {
              decision: "suppress",
              rule: "suppression",
              reason: `Account ${domain} is suppressed (${sup.reason}).`,
              until: null,
            }
          : open
            ? {
                decision: "suppress",
                rule: "open_opportunity",
                reason: `Account ${domain} has open opportunity ${open.id}; BD owns it, so it leaves the audience.`,
                until: null,
              }
            : seq
              ? {
                  decision: "suppress",
                  rule: "active_sequence",
                  reason: `Account ${domain} is in an active BD sequence; it leaves the audience.`,
                  until: null,
                }
              : null;
        if (verdict) excluded.push(decision(action, domain, null, domain, verdict));
      }
      return [decision(action, "-", null, null, ALLOW), ...excluded];
    }
    default:
      return [];
  }
}

/** One guard decision for one target of an action. */
export function decision(
  action: ProposedAction,
  target: string,
  contactEmail: string | null,
  accountDomain: string | null,
  verdict: Verdict,
): GuardDecision {
  return {
    actionId: action.id,
    agent: action.agent,
    actionType: action.type,
    target,
    contactEmail,
    accountDomain,
    ...verdict,
    approval: "not_needed",
    approvalReason: null,
  };
}
