import { OUTREACH_TYPES, type ProposedAction } from "../domain/actions.ts";
import {
  type ConflictContext,
  type Decision,
  decideBatch,
  type OutreachIntent,
} from "../domain/conflicts/index.ts";
import { checkTransition, parseStage } from "../domain/pipeline/index.ts";
import { type GuardFacts, loadGuardFacts, opportunityStages } from "../store/queries/guard-facts.ts";
import { recordConflicts } from "../store/repos/conflicts.ts";
import { appendEvents } from "../store/repos/events.ts";
import { acquireLease } from "../store/repos/leases.ts";
import { approvalReason } from "./approval-policy.ts";
import type { GraphDeps } from "./deps.ts";
import { leaseHolder } from "./effects.ts";
import { outreachTargets } from "./intents.ts";
import type { GraphStateUpdate, GraphStateValue, GuardDecision } from "./state.ts";

type Verdict = Pick<GuardDecision, "decision" | "rule" | "reason" | "until">;
const ALLOW: Verdict = { decision: "allow", rule: null, reason: "No rule stops this action.", until: null };

/**
 * The conflict guard: deterministic code, no model. Every proposed action (every contact of a bulk one) is
 * checked against suppression, open opportunities, active BD sequences, account leases, duplicates and
 * frequency caps; each decision is recorded as an event, each conflict as a conflict record.
 */
export function conflictGuardNode(deps: GraphDeps) {
  return async function conflictGuard(state: GraphStateValue): Promise<GraphStateUpdate> {
    const { run } = state;
    const now = new Date(run.now);
    const policy = deps.conflictPolicy;
    const targets = outreachTargets(state.proposals);
    const accounts = new Set<string>();
    for (const t of targets) if (t.accountDomain) accounts.add(t.accountDomain);
    for (const p of state.proposals) {
      if (p.type === "make_offer" || p.type === "create_opportunity") accounts.add(p.accountDomain);
      if (p.type === "create_campaign") for (const d of p.audienceDomains) accounts.add(d);
    }
    const windows = [
      policy.dedupeWindowMs,
      ...policy.caps.perContact.map((c) => c.windowMs),
      ...policy.caps.perAccount.map((c) => c.windowMs),
      ...policy.caps.perAgent.map((c) => c.windowMs),
    ];
    const facts = await loadGuardFacts(deps.db, {
      contacts: targets.map((t) => t.contactEmail),
      accounts: [...accounts],
      agents: [...new Set(state.proposals.map((p) => p.agent))],
      since: new Date(now.getTime() - Math.max(...windows)),
      now,
    });
    const ctx = conflictContext(facts, now, policy);

    // Outreach: the domain rules decide the whole batch at once, so two proposals to one contact yield one touch.
    const intents: OutreachIntent[] = targets.map((t) => ({
      actionId: `${t.actionId}|${t.target}`,
      agent: t.action.agent,
      cluster: t.action.cluster,
      play: t.action.type === "send_touch" ? t.action.play : "campaign",
      contactEmail: t.contactEmail,
      accountDomain: t.accountDomain,
      channel: t.channel,
      contentHash: t.contentHash,
      at: now,
    }));
    const verdicts = decideBatch(intents, ctx);
    const decisions: GuardDecision[] = [];
    for (const [i, t] of targets.entries()) {
      let verdict = fromDomain(verdicts[i]!);
      if (verdict.decision === "allow") verdict = sequenceRule(t.action, t.contactEmail, facts) ?? verdict;
      if (verdict.decision === "allow" && t.accountDomain) {
        verdict = (await leaseRule(deps, state, t.accountDomain, facts, now)) ?? verdict;
      }
      decisions.push(decision(t.action, t.target, t.contactEmail, t.accountDomain, verdict));
    }

    // Everything else has its own rule.
    const stages = await opportunityStages(
      deps.db,
      state.proposals.flatMap((p) => (p.type === "move_stage" ? [p.opportunityId] : [])),
    );
    for (const action of state.proposals) {
      if ((OUTREACH_TYPES as readonly string[]).includes(action.type)) continue;
      decisions.push(...(await otherRules(deps, state, action, facts, stages, now)));
    }

    // Approval policy applies to what the guard allowed.
    for (const action of state.proposals) {
      const allowed = decisions.filter((d) => d.actionId === action.id && d.decision === "allow");
      if (allowed.length === 0) continue;
      const single =
        action.type === "send_touch" ? facts.contacts.get(action.contactEmail.toLowerCase()) : undefined;
      const reason = approvalReason(
        action,
        {
          title: single?.title ?? null,
          touchedBefore:
            action.type === "send_touch" ? facts.touchedBefore.has(action.contactEmail.toLowerCase()) : true,
          recipients: allowed.length,
        },
        deps.approvalPolicy,
      );
      if (reason) for (const d of allowed) Object.assign(d, { approval: "required", approvalReason: reason });
    }

    await record(deps, state, decisions, now);
    return { decisions };
  };
}

function conflictContext(facts: GuardFacts, now: Date, policy: GraphDeps["conflictPolicy"]): ConflictContext {
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
    policy,
  };
}

function fromDomain(d: Decision): Verdict {
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
function sequenceRule(action: ProposedAction, contact: string, facts: GuardFacts): Verdict | null {
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

async function leaseRule(
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

async function otherRules(
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

function decision(
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

async function record(
  deps: GraphDeps,
  state: GraphStateValue,
  decisions: GuardDecision[],
  now: Date,
): Promise<void> {
  const { run } = state;
  await recordConflicts(
    deps.db,
    decisions
      .filter((d) => d.decision !== "allow")
      .map((d) => ({
        runId: run.runId,
        correlationId: run.correlationId,
        threadId: run.threadId,
        actionId: d.actionId,
        target: d.target,
        agent: d.agent,
        rule: d.rule ?? "unknown",
        decision: d.decision,
        reason: d.reason,
        accountDomain: d.accountDomain,
        contactEmail: d.contactEmail,
        at: now,
      })),
  );
  const byAction = new Map<string, GuardDecision[]>();
  for (const d of decisions) byAction.set(d.actionId, [...(byAction.get(d.actionId) ?? []), d]);
  await appendEvents(
    deps.db,
    [...byAction.entries()].map(([actionId, ds]) => ({
      id: `${run.runId}:guard:${actionId}`,
      type: "guard_decision",
      entityType: "action",
      entityId: actionId,
      correlationId: run.correlationId,
      causationId: run.requestEventId,
      source: "conflict_guard",
      payload: {
        actionType: ds[0]!.actionType,
        agent: ds[0]!.agent,
        decisions: ds.map((d) => ({
          target: d.target,
          decision: d.decision,
          rule: d.rule,
          reason: d.reason,
          until: d.until,
          approval: d.approval,
        })),
      },
      occurredAt: now,
    })),
  );
}
