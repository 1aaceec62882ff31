import type { GraphStateUpdate, GraphStateValue } from "./state.ts";

/** The last node: writes the answer a person reads, from summaries, guard decisions and effects. */
export function respondNode() {
  return function respond(state: GraphStateValue): GraphStateUpdate {
    return { answer: composeAnswer(state) };
  };
}

/** Composes a plain-text answer; a note the supervisor already set (nothing matched) comes first. */
export function composeAnswer(state: GraphStateValue): string {
  const lines: string[] = [];
  if (state.answer) lines.push(state.answer);
  for (const s of state.summaries) lines.push(`${s.agent}: ${s.summary}`);
  const blocked = state.decisions.filter((d) => d.decision !== "allow");
  const waiting = state.decisions.filter((d) => d.decision === "allow" && d.approval === "required");
  const rejected = state.decisions.filter((d) => d.approval === "rejected");
  const done = state.effects.filter((e) => e.status === "executed").length;
  const wouldDo = state.effects.filter((e) => e.status === "dry_run").length;
  if (blocked.length > 0) {
    lines.push(`Guard stopped ${blocked.length} action target(s):`);
    for (const d of blocked.slice(0, 10))
      lines.push(`  - ${d.actionId} ${d.decision} (${d.rule}): ${d.reason}`);
    if (blocked.length > 10) lines.push(`  … and ${blocked.length - 10} more`);
  }
  if (waiting.length > 0)
    lines.push(`${waiting.length} action target(s) wait for approval (growth approvals).`);
  if (rejected.length > 0) lines.push(`${rejected.length} action target(s) were rejected by a person.`);
  if (done > 0) lines.push(`Executed ${done} effect(s) through the outbox.`);
  if (wouldDo > 0) lines.push(`Dry run: ${wouldDo} effect(s) would have been executed; nothing was written.`);
  for (const e of state.errors) lines.push(`Error in ${e.node}: ${e.message}`);
  return lines.join("\n");
}
