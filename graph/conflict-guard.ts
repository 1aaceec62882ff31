import { OUTREACH_TYPES, type ProposedAction } from "../domain/actions.ts";
import { type Decision, decideBatch, type OutreachIntent } from "../domain/conflicts/index.ts";
import { type GuardFacts, loadGuardFacts, opportunityStages } from "../store/queries/guard-facts.ts";
import { recordConflicts } from "../store/repos/conflicts.ts";
import { appendEvents } from "../store/repos/events.ts";
import { inSpan } from "../telemetry/tracing.ts";
import { approvalReason } from "./approval-policy.ts";
import type { GraphDeps } from "./deps.ts";
import { applyCeilings } from "./guard-ceilings.ts";
import {
  conflictContext,
  decision,
  fromDomain,
  guardWindows,
  leaseRule,
  otherRules,
  sequenceRule,
} from "./guard-rules.ts";
import { type OutreachTarget, outreachTargets } from "./intents.ts";
import type { GraphStateUpdate, GraphStateValue, GuardDecision } from "./state.ts";

/**
 * The conflict guard: deterministic code, no model. Every proposed action (every contact of a bulk one) is
 * checked against suppression, open opportunities, active BD sequences, account leases, duplicates and
 * frequency caps; each decision is recorded as an event, each conflict as a conflict record.
 */
export function conflictGuardNode(deps: GraphDeps) {
  // The whole batch is one `guard.batch` span with its decision counts.
  const guardBatch = async function conflictGuard(input: GraphStateValue): Promise<GraphStateUpdate> {
    // Policy ceilings first: a proposal over one is refused here and seen by no later rule or approval.
    const ceilings = applyCeilings(input.proposals);
    const state = { ...input, proposals: ceilings.within };
    const { run } = state;
    const now = new Date(run.now);
    const { targets, facts, verdicts } = await decideOutreach(
      deps.db,
      deps.conflictPolicy,
      state.proposals,
      now,
    );
    const decisions: GuardDecision[] = [...ceilings.refused];
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
          viaChat: state.request.kind === "chat",
        },
        deps.approvalPolicy,
      );
      if (reason) for (const d of allowed) Object.assign(d, { approval: "required", approvalReason: reason });
    }

    // One transaction for the node's writes: its conflict records and decision events commit together.
    await deps.db.transaction().execute((tx) => record({ ...deps, db: tx }, state, decisions, now));
    return { decisions };
  };
  return (input: GraphStateValue): Promise<GraphStateUpdate> =>
    inSpan("guard.batch", { "growth.guard.proposals": input.proposals.length }, async (span) => {
      const update = await guardBatch(input);
      const counts: Record<string, number> = {};
      for (const d of update.decisions ?? []) counts[d.decision] = (counts[d.decision] ?? 0) + 1;
      span.setAttributes(
        Object.fromEntries(Object.entries(counts).map(([k, n]) => [`growth.guard.${k}`, n])),
      );
      return update;
    });
}

/**
 * The guard's read and decision for one batch of proposals at `now`: outreach expanded to one target per
 * contact, the facts loaded once for the whole batch, and the domain rules' verdict per target (input order).
 */
export async function decideOutreach(
  db: GraphDeps["db"],
  policy: GraphDeps["conflictPolicy"],
  proposals: readonly ProposedAction[],
  now: Date,
): Promise<{ targets: OutreachTarget[]; facts: GuardFacts; verdicts: Decision[] }> {
  const targets = outreachTargets(proposals);
  const accounts = new Set<string>();
  for (const t of targets) if (t.accountDomain) accounts.add(t.accountDomain);
  for (const p of proposals) {
    if (p.type === "make_offer" || p.type === "create_opportunity") accounts.add(p.accountDomain);
    if (p.type === "create_campaign") for (const d of p.audienceDomains) accounts.add(d);
  }
  const proposalsByAgent = new Map<string, number>();
  for (const t of targets)
    proposalsByAgent.set(t.action.agent, (proposalsByAgent.get(t.action.agent) ?? 0) + 1);
  // One read for the whole batch; each rule's touches over its own window only.
  const facts = await loadGuardFacts(db, {
    contacts: targets.map((t) => t.contactEmail),
    accounts: [...accounts],
    proposalsByAgent,
    windows: guardWindows(policy),
    now,
  });
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
  return { targets, facts, verdicts: decideBatch(intents, conflictContext(facts, now, policy)) };
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
