import type { ProposedAction } from "../domain/actions.ts";
import { createCampaignRecord, moveOpportunity, openOpportunity, recordTouch } from "../store/effects.ts";
import { appendEvents } from "../store/repos/events.ts";
import { releaseLeases } from "../store/repos/leases.ts";
import { claimOutboxKey, markOutboxSent } from "../store/repos/outbox.ts";
import { startSequence } from "../store/repos/sequences.ts";
import { spanOf } from "../telemetry/tracing.ts";
import type { CrashPoints } from "./crash-point.ts";
import type { GraphDeps } from "./deps.ts";
import { contentHash } from "./intents.ts";
import type { EffectRecord, GraphStateUpdate, GraphStateValue, GuardDecision } from "./state.ts";

const EXECUTABLE = new Set<GuardDecision["approval"]>(["not_needed", "approved", "edited"]);

/** The lease holder name of a run; released when the run's effects are done. */
export function leaseHolder(runId: string): string {
  return `run:${runId}`;
}

/** The idempotency key of one effect: thread, run (the task) and action, plus the contact of a bulk action. */
export function idempotencyKey(threadId: string, runId: string, actionId: string, target: string): string {
  return target === "-" ? `${threadId}:${runId}:${actionId}` : `${threadId}:${runId}:${actionId}:${target}`;
}

/** The effects node: executes allowed, approved actions through the outbox, exactly once per key. */
export function effectsNode(deps: GraphDeps, crash: CrashPoints = { hit: () => undefined }) {
  return async function effects(state: GraphStateValue): Promise<GraphStateUpdate> {
    const { run } = state;
    const now = new Date(run.now);
    const actions = new Map(state.proposals.map((p) => [p.id, p]));
    const records: EffectRecord[] = [];

    for (const decision of state.decisions) {
      if (decision.decision !== "allow" || !EXECUTABLE.has(decision.approval)) continue;
      const action = actions.get(decision.actionId);
      if (!action) continue;
      const key = idempotencyKey(run.threadId, run.runId, action.id, decision.target);
      if (run.dryRun) {
        records.push({
          key,
          actionId: action.id,
          actionType: action.type,
          target: decision.target,
          status: "dry_run",
          detail: describe(action, decision),
        });
        continue;
      }
      // The outbox claim, the CRM write and the effect event commit together: a crash leaves all or none.
      const span = spanOf(
        `effect ${action.type}`,
        { "growth.effect.type": action.type, "growth.action.id": action.id },
        { resultAttribute: "growth.effect.executed" },
      );
      const claiming = deps.db.transaction().execute(async (trx) => {
        const claimed = await claimOutboxKey(trx, {
          key,
          runId: run.runId,
          threadId: run.threadId,
          correlationId: run.correlationId,
          actionId: action.id,
          actionType: action.type,
          payload: { action, target: decision.target },
          at: now,
        });
        if (!claimed) return false;
        crash.hit("effects:claimed");
        await apply(trx, action, decision, key, now);
        await markOutboxSent(trx, key, now);
        await appendEvents(trx, [
          {
            id: `effect:${key}`,
            type: "effect_executed",
            entityType: "outbox",
            entityId: key,
            correlationId: run.correlationId,
            causationId: run.requestEventId,
            source: "effects",
            payload: { actionId: action.id, actionType: action.type, detail: describe(action, decision) },
            occurredAt: now,
          },
        ]);
        return true;
      });
      const executed = await claiming.then(span.done, span.failed);
      crash.hit("effects:committed");
      records.push({
        key,
        actionId: action.id,
        actionType: action.type,
        target: decision.target,
        status: executed ? "executed" : "already_done",
        detail: describe(action, decision),
      });
    }

    await releaseLeases(deps.db, leaseHolder(run.runId));
    return { effects: records };
  };
}

type Db = Parameters<typeof recordTouch>[0];

async function apply(
  db: Db,
  action: ProposedAction,
  decision: GuardDecision,
  key: string,
  now: Date,
): Promise<void> {
  switch (action.type) {
    case "send_touch":
      if (action.sequenceId) {
        await startSequence(db, {
          id: action.sequenceId,
          contactEmail: action.contactEmail.toLowerCase(),
          accountDomain: action.accountDomain,
          agent: action.agent,
          cluster: action.cluster,
          startedAt: now,
          endsAt: new Date(now.getTime() + 21 * 86_400_000),
        });
      }
      await recordTouch(db, {
        id: `t:${key}`,
        contactEmail: action.contactEmail.toLowerCase(),
        accountDomain: action.accountDomain,
        channel: action.channel,
        campaign: action.campaignId,
        agent: action.agent,
        cluster: action.cluster,
        contentHash: contentHash(action.templateId, action.body),
        at: now,
        idempotencyKey: key,
      });
      return;
    case "enrol_in_campaign":
      await recordTouch(db, {
        id: `t:${key}`,
        contactEmail: decision.target,
        accountDomain: decision.accountDomain,
        channel: action.channel,
        campaign: action.campaignId,
        agent: action.agent,
        cluster: action.cluster,
        contentHash: contentHash(action.templateId, action.campaignId),
        at: now,
        idempotencyKey: key,
      });
      return;
    case "move_stage":
      await moveOpportunity(db, {
        id: action.opportunityId,
        toStage: action.toStage,
        reason: action.reason,
        at: now,
      });
      return;
    case "create_opportunity":
      await openOpportunity(db, {
        id: `opp:${key}`,
        accountDomain: action.accountDomain,
        name: action.name,
        amountCents: action.amountCents,
        owner: action.agent,
        at: now,
      });
      return;
    case "create_campaign":
      await createCampaignRecord(db, {
        id: action.campaignId,
        name: action.name,
        channel: action.channel,
        ownerAgent: action.agent,
        budgetCents: action.budgetCents,
        at: now,
      });
      return;
    case "make_offer":
      // The offer itself is the outbox entry: delivery to the account is the transport's job.
      return;
  }
}

function describe(action: ProposedAction, decision: GuardDecision): string {
  switch (action.type) {
    case "send_touch":
      return `${action.channel} touch (${action.play}) to a contact at ${action.accountDomain ?? "a free-mail address"}`;
    case "enrol_in_campaign":
      return `enrolled a contact at ${decision.accountDomain ?? "a free-mail address"} in ${action.campaignId}`;
    case "move_stage":
      return `moved ${action.opportunityId} to ${action.toStage}`;
    case "create_opportunity":
      return `opened opportunity "${action.name}" on ${action.accountDomain}`;
    case "create_campaign":
      return `created campaign ${action.campaignId}`;
    case "make_offer":
      return `${action.kind} offer of ${action.discountPct}% to ${action.accountDomain}`;
  }
}
