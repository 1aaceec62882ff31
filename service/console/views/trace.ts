import { html } from "hono/html";
import type { ApiRead } from "../api.ts";
import { badge, when } from "../format.ts";

interface TraceEvent {
  seq: number;
  id: string;
  type: string;
  entityId: string;
  source: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

interface LlmCall {
  seq: number;
  agent: string;
  provider: string;
  model: string;
  attempt: number;
  input_tokens: number;
  output_tokens: number;
  latency_ms: number;
  cost_usd: number | null;
  outcome: string;
  error_code: string | null;
}

interface TraceRun {
  runId: string;
  threadId: string;
  status: string;
  checkpoints: number;
  next: string[];
  llm_calls?: LlmCall[];
}

type Served = { path: string; model?: string; reason?: string | null };
type Decision = { target: string; decision: string; rule: string | null; reason: string; approval?: string };

function eventBody(e: TraceEvent) {
  const p = e.payload;
  switch (e.type) {
    case "chat_routed":
      return html`Routed to <strong>${(p.agents as string[]).join(", ") || "no agent"}</strong> by ${String(p.via)}${p.fallback ? html` ${badge("fallback")}` : ""} — ${String(p.reason)}`;
    case "agent_completed": {
      const served = p.servedBy as Served | undefined;
      return html`<strong>${e.source}</strong> ${served ? html`served by ${badge(served.path)}${served.model && served.model !== served.path ? html` <code>${served.model}</code>` : ""}${served.reason ? html` — ${served.reason}` : ""}` : ""}<br>${String(p.summary ?? "")}`;
    }
    case "guard_decision": {
      const ds = (p.decisions as Decision[]) ?? [];
      return html`Guard on <code>${e.entityId}</code> (${String(p.actionType)} by ${String(p.agent)}):<ul class="compact">${ds
        .slice(0, 6)
        .map(
          (d) =>
            html`<li>${badge(d.decision)} <code>${d.rule ?? "no rule"}</code> ${d.target} — ${d.reason}${d.approval && d.approval !== "not_needed" ? html` · approval ${badge(d.approval)}` : ""}</li>`,
        )}${ds.length > 6 ? html`<li class="muted">… and ${ds.length - 6} more</li>` : ""}</ul>`;
    }
    case "approval_requested":
      return html`Approval requested for <code>${String(p.actionId)}</code> (${String(p.actionType)}): ${String(p.reason)}`;
    case "approval_decided":
      return html`Approval ${badge(String(p.verdict))} by <strong>${e.source}</strong>${p.note ? html` — “${String(p.note)}”` : ""}`;
    case "effect_executed":
      return html`Effect ${badge("executed")} ${String(p.detail ?? p.actionType)}`;
    case "dead_lettered":
      return html`${badge("dead_lettered")} ${JSON.stringify(p).slice(0, 300)}`;
    default:
      return html`<strong>${e.type.replaceAll("_", " ")}</strong> from ${e.source}${
        p.request ? html` — request accepted as run <code>${String(p.runId ?? "")}</code>` : ""
      }`;
  }
}

function llmTable(calls: LlmCall[]) {
  if (calls.length === 0) return html`<p class="muted">No LLM calls: every agent ran its playbook.</p>`;
  const cost = calls.reduce((s, c) => s + (c.cost_usd ?? 0), 0);
  return html`<table><caption>LLM calls</caption><thead><tr><th scope="col">Agent</th><th scope="col">Model</th><th scope="col">Attempt</th><th scope="col">Outcome</th><th scope="col" class="num">Tokens in</th><th scope="col" class="num">Tokens out</th><th scope="col" class="num">ms</th><th scope="col" class="num">Cost</th></tr></thead><tbody>${calls.map(
    (c) =>
      html`<tr><td>${c.agent}</td><td><code>${c.provider}:${c.model}</code></td><td>${c.attempt}</td><td>${badge(c.outcome)}${c.error_code ? html` <code>${c.error_code}</code>` : ""}</td><td class="num">${c.input_tokens}</td><td class="num">${c.output_tokens}</td><td class="num">${c.latency_ms}</td><td class="num">${c.cost_usd === null ? "unknown" : `$${c.cost_usd.toFixed(4)}`}</td></tr>`,
  )}</tbody><tfoot><tr><th scope="row" colspan="4">Total</th><td class="num">${calls.reduce((s, c) => s + c.input_tokens, 0)}</td><td class="num">${calls.reduce((s, c) => s + c.output_tokens, 0)}</td><td></td><td class="num">$${cost.toFixed(4)}</td></tr></tfoot></table>`;
}

/** One request's whole story: its runs (status, checkpoints, LLM calls) and its event log as a timeline. */
export async function traceView(api: ApiRead, id: string) {
  const trace = await api<{ correlation_id: string; runs: TraceRun[]; events: TraceEvent[] }>(
    `/v1/trace/${encodeURIComponent(id)}`,
  );
  return html`<h1>Trace <code class="id">${trace.correlation_id}</code></h1>
<p><a href="/traces">← All runs</a></p>
${trace.runs.map(
  (r) => html`<section class="card run" aria-label="Run ${r.runId}">
<h2>Run <code>${r.runId}</code> ${badge(r.status)}</h2>
<p class="meta">thread <code>${r.threadId}</code> · ${r.checkpoints} checkpoints${r.next.length > 0 ? html` · next: <code>${r.next.join(", ")}</code>` : ""}</p>
${llmTable(r.llm_calls ?? [])}
</section>`,
)}
<h2>Timeline</h2>
<ol class="timeline">${trace.events.map(
    (e) =>
      html`<li class="ev ev-${e.type}"><span class="when">${when(e.occurredAt)} · #${e.seq}</span> <span class="type">${e.type.replaceAll("_", " ")}</span><div>${eventBody(e)}</div></li>`,
  )}</ol>`;
}
