import type { ServedBy } from "../agents/llm/runner.ts";
import type { UsageLine } from "../store/repos/llm-calls.ts";
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

/** Why a model path was skipped, in words, from the provider error code the runner recorded. */
export function explainReason(code: string): string {
  const words: Record<string, string> = {
    model_unreachable: "the provider is not reachable (check the network and its base URL)",
    model_timeout: "the provider did not answer in time (GROWTH_LLM_TIMEOUT_MS)",
    model_unavailable: "the provider kept failing (5xx) after retries",
    model_rate_limited: "the provider kept rate limiting us (429) after retries",
    provider_circuit_open: "the provider's circuit breaker is open after repeated failures",
    model_auth_failed: "the provider refused the API key",
    model_not_found: "the provider does not know the model",
    model_request_rejected: "the provider rejected the request",
    no_model: "no model is configured",
  };
  return words[code] ? `${words[code]} [${code}]` : code;
}

/** Which path served an agent, for people: the model, or the fallback and why. */
export function servedByText(served: ServedBy): string {
  if (served.path === "primary") return served.model;
  if (served.path === "secondary") {
    return `${served.model} (secondary: ${served.reason ? explainReason(served.reason) : "primary failed"})`;
  }
  return served.reason ? `playbook (models failed: ${explainReason(served.reason)})` : "playbook";
}

/** US dollars with enough digits for one call's cost. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  return usd < 0.01 ? `$${usd.toFixed(6)}` : `$${usd.toFixed(4)}`;
}

/** The usage lines as a table with a total row; `key` names the first column (agent, model or day). */
export function usageTable(lines: readonly UsageLine[], key: string): string {
  if (lines.length === 0) return "No LLM calls recorded (playbook mode, or nothing ran yet).";
  const total = sumUsage(lines);
  const rows = [...lines, { ...total, key: "total" }].map((l) => [
    l.key,
    String(l.calls),
    String(l.attempts),
    String(l.inputTokens),
    String(l.cachedTokens),
    String(l.outputTokens),
    formatUsd(l.costUsd) + (l.unpricedCalls > 0 ? ` (+${l.unpricedCalls} unpriced)` : ""),
  ]);
  const header = [key, "calls", "attempts", "input", "cached", "output", "cost"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

/** The sum of usage lines (the key is `total`). */
export function sumUsage(lines: readonly UsageLine[]): UsageLine {
  const total: UsageLine = {
    key: "total",
    calls: 0,
    attempts: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    costUsd: 0,
    unpricedCalls: 0,
  };
  for (const l of lines) {
    total.calls += l.calls;
    total.attempts += l.attempts;
    total.inputTokens += l.inputTokens;
    total.outputTokens += l.outputTokens;
    total.cachedTokens += l.cachedTokens;
    total.costUsd += l.costUsd;
    total.unpricedCalls += l.unpricedCalls;
  }
  total.costUsd = Math.round(total.costUsd * 1e9) / 1e9;
  return total;
}

/** One line of tokens and cost, e.g. `3 LLM calls · 440 in (0 cached) / 100 out tokens · $0.001680`. */
export function usageLine(lines: readonly UsageLine[]): string {
  const t = sumUsage(lines);
  const unpriced = t.unpricedCalls > 0 ? ` (+${t.unpricedCalls} unpriced calls)` : "";
  const failed = t.attempts > t.calls ? ` (${t.attempts} attempts)` : "";
  return `${t.calls} LLM call${t.calls === 1 ? "" : "s"}${failed} · ${t.inputTokens} in (${t.cachedTokens} cached) / ${t.outputTokens} out tokens · ${formatUsd(t.costUsd)}${unpriced}`;
}

const NODE_LABELS: Record<string, string> = {
  supervisor: "routing",
  conflict_guard: "checking conflicts",
  approval_gate: "approval gate",
  execute_effects: "executing effects",
  respond: "answering",
};

/** LangGraph's name prefix for the error-handler node that follows a failed node. */
const ERROR_HANDLER = "__error_handler__";

/**
 * Live progress for `chat` and `ask`: one line per graph step as it completes, and model text as it
 * streams, prefixed by the agent producing it; an agent's step line names the path that served it.
 */
export function liveProgress(write: (text: string) => void) {
  let streaming: string | null = null;
  const served = new Map<string, ServedBy>();
  const close = () => {
    if (streaming) write("\n");
    streaming = null;
  };
  return {
    /** A graph node finished. */
    step(node: string): void {
      close();
      const by = served.get(node);
      served.delete(node);
      const failed = node.startsWith(ERROR_HANDLER) ? `${node.slice(ERROR_HANDLER.length)} failed` : null;
      write(`  · ${failed ?? NODE_LABELS[node] ?? node}${by ? ` — ${servedByText(by)}` : ""}\n`);
    },
    /** A model streamed text for an agent. */
    token(agent: string, token: string): void {
      if (streaming !== agent) {
        close();
        write(`  ${agent}> `);
        streaming = agent;
      }
      write(token);
    },
    /** An agent's runner returned; remembered for its step line. */
    served(agent: string, by: ServedBy): void {
      served.set(agent, by);
    },
    /** Ends a partly written line, before the answer is printed. */
    end: close,
  };
}
