import { interrupt, Overwrite } from "@langchain/langgraph";
import { z } from "zod";
import { ProposedAction, ProposedActionBody } from "../domain/actions.ts";
import { checkCeilings } from "../domain/ceilings/index.ts";
import { PolicyError } from "../domain/errors.ts";
import { decideApproval, openApprovals } from "../store/repos/approvals.ts";
import { appendEvents } from "../store/repos/events.ts";
import type { GraphDeps } from "./deps.ts";
import { DEFAULT_CEILINGS } from "./guard-ceilings.ts";
import type { GraphStateUpdate, GraphStateValue, GuardDecision } from "./state.ts";

/** What a person may change when editing an action: content only, never who it goes to. */
export const ApprovalEdit = z
  .object({
    subject: z.string().max(300).optional().describe("New subject line"),
    body: z.string().min(1).max(20_000).optional().describe("New message text"),
    discountPct: z.number().min(0).max(100).optional().describe("New discount or share, percent"),
    terms: z.string().min(1).max(5_000).optional().describe("New terms"),
  })
  .strict();

/** One person's verdict on one pending approval. */
export const ApprovalVerdict = z.object({
  approvalId: z.string().min(1),
  verdict: z.enum(["approve", "reject", "edit"]),
  by: z.string().min(1).default("operator"),
  note: z.string().max(2_000).nullable().default(null),
  edit: ApprovalEdit.optional(),
});
export type ApprovalVerdict = z.infer<typeof ApprovalVerdict>;

/** The payload a run is resumed with after it stopped at the approval gate. */
export const ApprovalResume = z.object({ verdicts: z.array(ApprovalVerdict).min(1) });
export type ApprovalResume = z.infer<typeof ApprovalResume>;

/** What the gate shows a person for each action it holds. */
export interface PendingApproval {
  approvalId: string;
  actionId: string;
  agent: string;
  actionType: string;
  reason: string;
  preview: string;
}

/** The value the gate interrupts with. */
export interface ApprovalInterrupt {
  type: "approval";
  runId: string;
  threadId: string;
  approvals: PendingApproval[];
}

/** The approval id of an action in a run. */
export function approvalId(runId: string, actionId: string): string {
  return `${runId}:${actionId}`;
}

/** The approval gate: stops with `interrupt()` for actions policy marks, and applies approve / reject / edit. */
export function approvalGateNode(deps: GraphDeps) {
  return async function approvalGate(state: GraphStateValue): Promise<GraphStateUpdate> {
    const required = [
      ...new Set(state.decisions.filter((d) => d.approval === "required").map((d) => d.actionId)),
    ];
    if (required.length === 0 || state.run.dryRun) return {};
    const now = new Date(state.run.now);
    const actions = new Map(state.proposals.map((p) => [p.id, p]));
    const pending: PendingApproval[] = required.map((actionId) => {
      const action = actions.get(actionId)!;
      const decision = state.decisions.find((d) => d.actionId === actionId && d.approval === "required")!;
      return {
        approvalId: approvalId(state.run.runId, actionId),
        actionId,
        agent: action.agent,
        actionType: action.type,
        reason: decision.approvalReason ?? "Policy requires approval.",
        preview: previewAction(action),
      };
    });
    // Both writes are idempotent: on resume this node runs again from the top.
    await openApprovals(
      deps.db,
      pending.map((p) => ({
        id: p.approvalId,
        runId: state.run.runId,
        threadId: state.run.threadId,
        correlationId: state.run.correlationId,
        actionId: p.actionId,
        action: actions.get(p.actionId),
        reason: p.reason,
        at: now,
      })),
    );
    await appendEvents(
      deps.db,
      pending.map((p) => ({
        id: `${p.approvalId}:requested`,
        type: "approval_requested",
        entityType: "approval",
        entityId: p.approvalId,
        correlationId: state.run.correlationId,
        causationId: state.run.requestEventId,
        source: "approval_gate",
        payload: { actionId: p.actionId, actionType: p.actionType, reason: p.reason },
        occurredAt: now,
      })),
    );

    const request: ApprovalInterrupt = {
      type: "approval",
      runId: state.run.runId,
      threadId: state.run.threadId,
      approvals: pending,
    };
    const parsed = ApprovalResume.safeParse(interrupt(request));
    if (!parsed.success) {
      throw new PolicyError(
        "resume_invalid",
        "The approval answer was not understood; answer each approval.",
      );
    }
    const verdicts = new Map(parsed.data.verdicts.map((v) => [v.approvalId, v]));

    const proposals: ProposedAction[] = [];
    // An edited action is held to the guard's ceilings again: an edit is never a way around the guard.
    const refusedEdits = new Map<string, { rule: string; reason: string }>();
    for (const action of state.proposals) {
      const verdict = verdicts.get(approvalId(state.run.runId, action.id));
      if (verdict?.verdict !== "edit" || !verdict.edit) {
        proposals.push(action);
        continue;
      }
      const edited = applyEdit(action, verdict.edit);
      const breach = editBreach(edited);
      if (breach) refusedEdits.set(action.id, breach);
      proposals.push(breach ? action : edited);
    }
    const decisions: GuardDecision[] = state.decisions.map((d) => {
      if (d.approval !== "required") return d;
      const verdict = verdicts.get(approvalId(state.run.runId, d.actionId));
      if (!verdict)
        return { ...d, approval: "rejected", approvalReason: "No answer was given; treated as rejected." };
      const refused = refusedEdits.get(d.actionId);
      if (refused)
        return {
          ...d,
          decision: "suppress",
          rule: refused.rule,
          reason: `The edit was refused: ${refused.reason}`,
          approval: "rejected",
        };
      const approval =
        verdict.verdict === "approve" ? "approved" : verdict.verdict === "reject" ? "rejected" : "edited";
      return { ...d, approval };
    });
    for (const p of pending) {
      const verdict = verdicts.get(p.approvalId);
      const status = !verdict
        ? "rejected"
        : verdict.verdict === "approve"
          ? "approved"
          : verdict.verdict === "reject"
            ? "rejected"
            : "edited";
      await decideApproval(deps.db, p.approvalId, {
        status,
        by: verdict?.by ?? "operator",
        note: verdict?.note ?? null,
        at: now,
      });
    }
    await appendEvents(
      deps.db,
      pending.map((p) => ({
        id: `${p.approvalId}:decided`,
        type: "approval_decided",
        entityType: "approval",
        entityId: p.approvalId,
        correlationId: state.run.correlationId,
        causationId: state.run.requestEventId,
        source: verdicts.get(p.approvalId)?.by ?? "operator",
        payload: {
          verdict: verdicts.get(p.approvalId)?.verdict ?? "reject",
          note: verdicts.get(p.approvalId)?.note ?? null,
        },
        occurredAt: now,
      })),
    );
    return { decisions, proposals: new Overwrite(proposals) };
  };
}

/** Applies a person's edit to an action's content, re-validating the result. */
export function applyEdit(action: ProposedAction, edit: z.infer<typeof ApprovalEdit>): ProposedAction {
  const edited: Record<string, unknown> = { ...action };
  if (action.type === "send_touch") {
    if (edit.subject !== undefined) edited.subject = edit.subject;
    if (edit.body !== undefined) edited.body = edit.body;
  } else if (action.type === "make_offer") {
    if (edit.discountPct !== undefined) edited.discountPct = edit.discountPct;
    if (edit.terms !== undefined) edited.terms = edit.terms;
  }
  const body = ProposedActionBody.parse(edited);
  return ProposedAction.parse({ ...body, id: action.id, agent: action.agent, cluster: action.cluster });
}

/** The ceiling an edited action breaks (the guard's rule name and why), or null when it is within them all. */
export function editBreach(edited: ProposedAction): { rule: string; reason: string } | null {
  return checkCeilings(edited, DEFAULT_CEILINGS);
}

/** One line a person can judge an action by. */
export function previewAction(action: ProposedAction): string {
  switch (action.type) {
    case "send_touch":
      return `${action.channel} to ${action.contactEmail}: "${action.subject}"`;
    case "enrol_in_campaign":
      return `enrol ${action.contacts.length} contacts in ${action.campaignId} (${action.channel})`;
    case "make_offer":
      return `${action.kind} offer to ${action.accountDomain}: ${action.discountPct}% — ${action.terms.slice(0, 120)}`;
    case "create_campaign":
      return `create campaign ${action.name} for ${action.audienceDomains.length} accounts`;
    case "create_opportunity":
      return `open opportunity "${action.name}" on ${action.accountDomain}`;
    case "move_stage":
      return `move ${action.opportunityId} to ${action.toStage}`;
  }
}
