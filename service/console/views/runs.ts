import { html } from "hono/html";
import type { ApiRead } from "../api.ts";
import { badge, when } from "../format.ts";

interface RunRow {
  id: string;
  kind: string;
  status: string;
  correlation_id: string;
  started_at: string;
  request: { kind: string; event?: { event_type: string; entity_id: string }; text?: string; play?: string };
  summary: { route: string[]; decisions: number; effects: number; pending: number; errors: number } | null;
}

const STATUSES = ["", "queued", "running", "waiting_approval", "completed", "failed", "dead_lettered"];

function what(r: RunRow): string {
  if (r.request.event) return `${r.request.event.event_type} · ${r.request.event.entity_id}`;
  if (r.request.text) return `“${r.request.text.slice(0, 80)}”`;
  if (r.request.play) return `play ${r.request.play}`;
  return r.kind;
}

/** Recent runs with status, kind, route and counts; filtered by status (the API), kind and agent on the route. */
export async function runsView(api: ApiRead, query: Record<string, string>) {
  const status = query.status ?? "";
  const kind = query.kind ?? "";
  const agent = (query.agent ?? "").trim();
  const params = new URLSearchParams({ limit: "200", ...(status ? { status } : {}) });
  const { runs } = await api<{ runs: RunRow[] }>(`/v1/runs?${params}`);
  const kinds = [...new Set(runs.map((r) => r.kind))].sort();
  const shown = runs.filter(
    (r) => (!kind || r.kind === kind) && (!agent || (r.summary?.route ?? []).some((a) => a.includes(agent))),
  );
  return html`<h1>Runs &amp; traces</h1>
<form class="filters" method="get" action="/traces">
  <div><label for="f-status">Status</label><select id="f-status" name="status">${STATUSES.map(
    (s) =>
      html`<option value="${s}"${s === status ? " selected" : ""}>${s ? s.replaceAll("_", " ") : "any"}</option>`,
  )}</select></div>
  <div><label for="f-kind">Kind</label><select id="f-kind" name="kind"><option value="">any</option>${kinds.map(
    (k) => html`<option value="${k}"${k === kind ? " selected" : ""}>${k}</option>`,
  )}</select></div>
  <div><label for="f-agent">Agent on the route</label><input id="f-agent" name="agent" type="text" value="${agent}"></div>
  <div><button type="submit" class="primary">Filter</button></div>
</form>
<p class="muted">${shown.length} of the ${runs.length} most recent runs.</p>
<table class="runs"><caption class="sr-only">Recent runs</caption>
<thead><tr><th scope="col">Started</th><th scope="col">Status</th><th scope="col">Kind</th><th scope="col">Request</th><th scope="col">Route</th><th scope="col" class="num">Decisions</th><th scope="col" class="num">Effects</th><th scope="col" class="num">Pending</th><th scope="col" class="num">Errors</th></tr></thead>
<tbody>${shown.map(
    (r) => html`<tr>
<td><a href="/traces/${encodeURIComponent(r.id)}">${when(r.started_at)}</a></td>
<td>${badge(r.status)}</td><td>${r.kind}</td><td>${what(r)}</td>
<td>${(r.summary?.route ?? []).join(" → ") || html`<span class="muted">—</span>`}</td>
<td class="num">${r.summary?.decisions ?? 0}</td><td class="num">${r.summary?.effects ?? 0}</td><td class="num">${r.summary?.pending ?? 0}</td><td class="num">${r.summary?.errors ?? 0}</td>
</tr>`,
  )}</tbody></table>`;
}
