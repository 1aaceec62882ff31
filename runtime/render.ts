import type { RunOutcome } from "./outcome.ts";

/** The JSON shape `--json` prints for a run: route, decisions, effects, and the rest. */
export function outcomeJson(outcome: RunOutcome) {
  return {
    run_id: outcome.runId,
    thread_id: outcome.threadId,
    correlation_id: outcome.correlationId,
    status: outcome.status,
    duplicate_of: outcome.duplicateOf,
    route: outcome.route,
    decisions: outcome.decisions.map((d) => ({
      action: d.actionId,
      action_type: d.actionType,
      agent: d.agent,
      target: d.target,
      decision: d.decision,
      rule: d.rule,
      reason: d.reason,
      until: d.until,
      approval: d.approval,
    })),
    effects: outcome.effects.map((e) => ({
      key: e.key,
      action: e.actionId,
      action_type: e.actionType,
      target: e.target,
      status: e.status,
      detail: e.detail,
    })),
    pending_approvals: outcome.pendingApprovals,
    follow_ups: outcome.followUps.map((e) => ({ event_type: e.event_type, entity_id: e.entity_id })),
    errors: outcome.errors,
    answer: outcome.answer,
  };
}

/** A readable block for a run, for people at a terminal. */
export function outcomeText(outcome: RunOutcome): string {
  const lines: string[] = [];
  lines.push(`run ${outcome.runId} on ${outcome.threadId}: ${outcome.status}`);
  if (outcome.status === "duplicate" || outcome.status === "queued") {
    lines.push(outcome.answer ?? "");
    return lines.join("\n");
  }
  lines.push(`route: ${outcome.route.length > 0 ? outcome.route.join(" → ") : "(no agent)"}`);
  if (outcome.decisions.length > 0) {
    lines.push("decisions:");
    for (const d of outcome.decisions) {
      const approval = d.approval === "not_needed" ? "" : ` [approval: ${d.approval}]`;
      const target = d.target === "-" ? "" : ` → ${d.target}`;
      lines.push(
        `  ${d.actionId} ${d.actionType}${target}: ${d.decision}${d.rule ? ` (${d.rule})` : ""}${approval}`,
      );
      if (d.decision !== "allow") lines.push(`      ${d.reason}`);
    }
  }
  if (outcome.effects.length > 0) {
    lines.push("effects:");
    for (const e of outcome.effects) lines.push(`  ${e.status}: ${e.detail}`);
  }
  if (outcome.pendingApprovals.length > 0) {
    lines.push("waiting for approval:");
    for (const a of outcome.pendingApprovals)
      lines.push(`  ${a.approvalId}  ${a.preview}\n      ${a.reason}`);
  }
  for (const e of outcome.errors) lines.push(`error in ${e.node}: ${e.message}`);
  if (outcome.followUps.length > 0) {
    lines.push(
      `follow-up events: ${outcome.followUps.map((e) => `${e.event_type}(${e.entity_id})`).join(", ")}`,
    );
  }
  return lines.join("\n");
}
