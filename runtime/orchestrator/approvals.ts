import { Command } from "@langchain/langgraph";
import type { ProposedAction } from "../../domain/actions.ts";
import { PolicyError, UserError } from "../../domain/errors.ts";
import { describeIssues } from "../../domain/events.ts";
import { ApprovalResume, ApprovalVerdict, applyEdit, editBreach } from "../../graph/approval-gate.ts";
import { approvalsOfRun, decideApproval, getApproval } from "../../store/repos/approvals.ts";
import { getRun, unfinishedRuns } from "../../store/repos/runs.ts";
import type { RunOutcome } from "../outcome.ts";
import type { OrchestratorContext } from "./context.ts";
import { executeRun, pendingOf } from "./execution.ts";

/** Resumes a run stopped at the approval gate with a person's verdicts, then runs what queued behind it. */
export async function resumeRun(
  ctx: OrchestratorContext,
  runId: string,
  answer: unknown,
): Promise<RunOutcome> {
  const run = await getRun(ctx.store.db, runId);
  if (!run)
    throw new UserError("run_unknown", `There is no run ${runId}; list runs with \`growth runs\`.`, {
      details: { missing: runId },
    });
  if (run.status !== "waiting_approval") {
    throw new UserError("run_not_waiting", `Run ${runId} is ${run.status}, not waiting for approval.`);
  }
  const parsed = ApprovalResume.safeParse(answer);
  if (!parsed.success) {
    throw new UserError(
      "resume_invalid",
      `The approval answer is invalid:\n  ${describeIssues(parsed.error).join("\n  ")}`,
    );
  }
  const pending = await pendingOf(ctx.graph, run.thread_id);
  const known = new Set(pending.map((p) => p.approvalId));
  const unknown = parsed.data.verdicts.filter((v) => !known.has(v.approvalId));
  if (unknown.length > 0) {
    throw new UserError(
      "approval_unknown",
      `Run ${runId} has no pending approval ${unknown.map((v) => v.approvalId).join(", ")}; pending: ${[...known].join(", ")}.`,
    );
  }
  const outcome = await ctx.threads.run(run.thread_id, () =>
    executeRun(ctx, run, new Command({ resume: parsed.data }), Number.POSITIVE_INFINITY),
  );
  await drainQueued(ctx, run.thread_id);
  return outcome;
}

/**
 * Records a person's verdict on one approval; once every approval of the run has one, the run resumes.
 * Returns the resumed run's outcome, or null while other approvals of the run still wait.
 */
export async function decideOne(
  ctx: OrchestratorContext,
  id: string,
  raw: unknown,
): Promise<{ outcome: RunOutcome | null; waiting: number }> {
  const row = await getApproval(ctx.store.db, id);
  if (!row)
    throw new UserError(
      "approval_unknown",
      `There is no approval ${id}; list them with \`growth approvals\`.`,
      { details: { missing: id } },
    );
  if (row.status !== "pending") {
    throw new UserError(
      "approval_decided",
      `Approval ${id} was already ${row.status} by ${row.decided_by ?? "someone"} at ${row.decided_at ?? "an unknown time"}.`,
    );
  }
  const parsed = ApprovalVerdict.safeParse({ ...(raw as object), approvalId: id });
  if (!parsed.success) {
    throw new UserError(
      "verdict_invalid",
      `The verdict is invalid:\n  ${describeIssues(parsed.error).join("\n  ")}`,
    );
  }
  const verdict = parsed.data;
  if (verdict.verdict === "edit" && Object.keys(verdict.edit ?? {}).length === 0) {
    throw new UserError(
      "edit_empty",
      "An edit needs at least one change: --subject, --body, --discount or --terms.",
    );
  }
  if (verdict.verdict === "edit" && verdict.edit) {
    // The edited action must pass the guard's ceilings (a discount inside its band) before it is recorded.
    const breach = editBreach(applyEdit(JSON.parse(row.action) as ProposedAction, verdict.edit));
    if (breach)
      throw new PolicyError(
        "edit_refused",
        `The edit was refused by the guard (${breach.rule}): ${breach.reason} Change it to fit, or reject.`,
      );
  }
  const status =
    verdict.verdict === "approve" ? "approved" : verdict.verdict === "reject" ? "rejected" : "edited";
  const recorded = await decideApproval(ctx.store.db, id, {
    status,
    by: verdict.by,
    note: verdict.note,
    edit: verdict.edit,
    at: ctx.clock(),
  });
  // Two people deciding at once: only the first write counts, the second is told it was already decided.
  if (!recorded) {
    const now = await getApproval(ctx.store.db, id);
    throw new UserError(
      "approval_decided",
      `Approval ${id} was already ${now?.status ?? "decided"} by ${now?.decided_by ?? "someone else"} at ${now?.decided_at ?? "just now"}.`,
    );
  }
  const outcome = await resumeDecided(ctx, row.run_id);
  if (!outcome) {
    const all = await approvalsOfRun(ctx.store.db, row.run_id);
    return { outcome: null, waiting: all.filter((a) => a.status === "pending").length };
  }
  return { outcome, waiting: 0 };
}

/** Resumes a run with its recorded verdicts once none is pending; null while some still wait. */
export async function resumeDecided(ctx: OrchestratorContext, runId: string): Promise<RunOutcome | null> {
  const all = await approvalsOfRun(ctx.store.db, runId);
  if (all.length === 0 || all.some((a) => a.status === "pending")) return null;
  const verdicts = all.map((a) => ({
    approvalId: a.id,
    verdict: a.status === "approved" ? "approve" : a.status === "edited" ? "edit" : "reject",
    by: a.decided_by ?? "operator",
    note: a.decision_note,
    ...(a.edit ? { edit: JSON.parse(a.edit) } : {}),
  }));
  return resumeRun(ctx, runId, { verdicts });
}

/** Runs queued behind an approval on this thread, in arrival order, until one stops at the gate again. */
async function drainQueued(ctx: OrchestratorContext, threadId: string): Promise<void> {
  for (const run of await unfinishedRuns(ctx.store.db)) {
    if (run.thread_id !== threadId) continue;
    // Held by a live process elsewhere: that process runs it, and what queued behind it waits for it.
    if (!(await ctx.owner.claim(run.id))) break;
    try {
      const outcome = await ctx.threads.run(threadId, () => executeRun(ctx, run, null, 0));
      if (outcome.status === "waiting_approval") break;
    } finally {
      await ctx.owner.release(run.id);
    }
  }
}
