import { z } from "zod";
import { describeIssues } from "../../domain/events.ts";
import type { PendingApproval } from "../../graph/approval-gate.ts";
import { ApprovalEdit } from "../../graph/approval-gate.ts";
import type { RunOutcome } from "../../runtime/outcome.ts";
import { getApproval } from "../../store/repos/approvals.ts";
import type { ServiceDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";

/** `command.resume`: one verdict for each approval the thread is stopped on; who decides comes from the key. */
export const ResumeValue = z
  .object({
    verdicts: z
      .array(
        z
          .object({
            approvalId: z.string().min(1),
            verdict: z.enum(["approve", "reject", "edit"]),
            note: z.string().max(2_000).optional(),
            edit: ApprovalEdit.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/**
 * Checks a resume value against what the thread waits on, before anything is written: every pending approval
 * decided exactly once, nothing else. Returns the run the approvals belong to.
 */
export async function checkResume(
  deps: ServiceDeps,
  threadId: string,
  pending: readonly PendingApproval[],
  raw: unknown,
): Promise<{ runId: string; value: z.infer<typeof ResumeValue> }> {
  const list = pending.map((p) => `${p.approvalId} (${p.agent} · ${p.actionType})`).join(", ");
  if (pending.length === 0)
    throw new ApiError(
      409,
      "nothing_pending",
      `Thread ${threadId} waits on no approval; send input instead of a resume.`,
    );
  const parsed = ResumeValue.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(
      400,
      "resume_invalid",
      `The resume value is invalid (${describeIssues(parsed.error).join("; ")}); pending: ${list}. Send { verdicts: [{ approvalId, verdict: "approve"|"reject"|"edit", note?, edit? }] }.`,
    );
  const ids = parsed.data.verdicts.map((v) => v.approvalId);
  const known = new Set(pending.map((p) => p.approvalId));
  const unknown = ids.filter((id) => !known.has(id));
  const missing = [...known].filter((id) => !ids.includes(id));
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (unknown.length + missing.length + repeated.length > 0) {
    const problems = [
      unknown.length ? `not pending: ${unknown.join(", ")}` : "",
      missing.length ? `not decided: ${missing.join(", ")}` : "",
      repeated.length ? `decided twice: ${repeated.join(", ")}` : "",
    ].filter(Boolean);
    throw new ApiError(
      400,
      "resume_mismatch",
      `The resume value does not match the pending approvals (${problems.join("; ")}); pending: ${list}.`,
    );
  }
  const empty = parsed.data.verdicts.find(
    (v) => v.verdict === "edit" && Object.keys(v.edit ?? {}).length === 0,
  );
  if (empty)
    throw new ApiError(
      400,
      "edit_empty",
      `The edit of ${empty.approvalId} changes nothing: give edit.subject, body, discountPct or terms.`,
    );
  const row = await getApproval(deps.store.db, pending[0]!.approvalId);
  if (!row) throw new ApiError(404, "approval_unknown", `There is no approval ${pending[0]!.approvalId}.`);
  return { runId: row.run_id, value: parsed.data };
}

/** Records each verdict through the orchestrator, the same call `growth approvals` makes; the last one resumes the run. */
export async function applyResume(
  deps: ServiceDeps,
  value: z.infer<typeof ResumeValue>,
  by: string,
): Promise<RunOutcome | null> {
  let outcome: RunOutcome | null = null;
  for (const v of value.verdicts) {
    const result = await deps.orchestrator.decide(v.approvalId, {
      verdict: v.verdict,
      by,
      note: v.note ?? null,
      ...(v.edit ? { edit: v.edit } : {}),
    });
    outcome = result.outcome ?? outcome;
  }
  return outcome;
}
