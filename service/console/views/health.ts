import { html } from "hono/html";
import type { QueueHealth } from "../../../store/queries/queue-health.ts";
import type { ApiRead } from "../api.ts";
import { badge, when } from "../format.ts";

interface Health {
  agents: {
    agent: string;
    breaker: string;
    retriesAvailable: number;
    retryCapacity: number;
    running: number;
    concurrency: number;
  }[];
  providers: { provider: string; breaker: string; opened_at: string | null; updated_at: string | null }[];
  runs: Record<string, number>;
  dead_letters: { open: number; by_node: Record<string, number> };
  leases_held: number;
  event_log_gaps: number;
  alerts?: { id: string; since: string; message: string }[];
  queue?: QueueHealth | null;
}

interface DeadLetter {
  id: string;
  status: string;
  node: string;
  code: string | null;
  message: string;
  attempts: number;
  created_at?: string;
}

/**
 * The queue and workers at scale (`growth health`'s queue line): pg-boss jobs by state, live and dead workers, the
 * oldest queued run. The embedded store has neither; runs execute in the process that accepted them.
 */
function queueAndWorkers(queue: QueueHealth | null | undefined) {
  if (!queue)
    return html`<section class="card" id="queue-workers"><h2>Queue and workers</h2><p class="muted">No queue or workers: runs execute in this process (embedded mode).</p></section>`;
  const oldest = queue.oldest_queued_run;
  return html`<section class="card" id="queue-workers"><h2>Queue and workers</h2>
<table><thead><tr><th scope="col">waiting</th><th scope="col">to retry</th><th scope="col">being worked</th><th scope="col">held as safety nets</th><th scope="col">dead-lettered</th><th scope="col">workers live</th><th scope="col">workers dead</th></tr></thead>
<tbody><tr><td>${queue.queued}</td><td>${queue.retrying}</td><td>${queue.active}</td><td>${queue.held}</td><td>${queue.dead_lettered}</td><td>${queue.workers.live}</td><td>${queue.workers.dead}</td></tr></tbody></table>
<p>${oldest ? html`Oldest queued run <a href="/traces/${encodeURIComponent(oldest.run_id)}">${oldest.run_id}</a> (${oldest.thread_id}), queued ${when(oldest.since)}.` : "No run is queued."}</p></section>`;
}

/** Breakers, retry budgets and bulkheads per agent, providers, runs, the queue when the API has one, dead letters. */
export async function healthView(api: ApiRead, isAdmin: boolean) {
  const health = await api<Health>("/v1/health");
  const { dead_letters } = await api<{ dead_letters: DeadLetter[] }>("/v1/dlq");
  return html`<h1>Health</h1>
<div class="tiles">
  <div class="tile"><span class="big">${health.runs.unfinished ?? 0}</span> unfinished runs</div>
  <div class="tile"><span class="big">${health.runs.waiting_approval ?? 0}</span> waiting for approval</div>
  <div class="tile"><span class="big">${health.runs.completed ?? 0}</span> completed</div>
  <div class="tile"><span class="big">${health.dead_letters.open}</span> open dead letters</div>
  <div class="tile"><span class="big">${health.leases_held}</span> leases held</div>
  <div class="tile"><span class="big">${health.event_log_gaps}</span> event-log gaps</div>
</div>
<section class="card"><h2>SLA alerts <span class="count">${(health.alerts ?? []).length} firing</span></h2>${
    (health.alerts ?? []).length === 0
      ? html`<p class="empty">No alert is firing (see docs/runbooks.md for what each one means).</p>`
      : html`<ul class="alerts">${(health.alerts ?? []).map(
          (a) =>
            html`<li data-alert="${a.id}"><strong>${a.id}</strong> since ${when(a.since)}: ${a.message}</li>`,
        )}</ul>`
  }</section>
<section class="card"><h2>Agents</h2>
<table><thead><tr><th scope="col">Agent</th><th scope="col">Breaker</th><th scope="col">Retry budget</th><th scope="col">Bulkhead (running / slots)</th></tr></thead>
<tbody>${health.agents.map(
    (a) =>
      html`<tr><td>${a.agent}</td><td>${badge(a.breaker)}</td><td><meter min="0" max="${a.retryCapacity}" value="${a.retriesAvailable}" aria-label="Retries left for ${a.agent}"></meter> ${a.retriesAvailable} of ${a.retryCapacity}</td><td>${a.running} / ${a.concurrency}</td></tr>`,
  )}</tbody></table></section>
<section class="card"><h2>Model providers</h2>${
    health.providers.length === 0
      ? html`<p class="muted">No provider has been called (playbook mode, or no call yet).</p>`
      : html`<table><thead><tr><th scope="col">Provider</th><th scope="col">Breaker</th><th scope="col">Opened</th><th scope="col">Updated</th></tr></thead><tbody>${health.providers.map(
          (p) =>
            html`<tr><td>${p.provider}</td><td>${badge(p.breaker)}</td><td>${when(p.opened_at)}</td><td>${when(p.updated_at)}</td></tr>`,
        )}</tbody></table>`
  }</section>
${queueAndWorkers(health.queue)}
<section class="card"><h2>Dead letters <span class="count">${dead_letters.length} open</span></h2>${
    dead_letters.length === 0
      ? html`<p class="empty">No open dead letters.</p>`
      : html`<ul class="dead-letters">${dead_letters.map(
          (d) => html`<li class="dead-letter" data-dead-letter="${d.id}">
<p><code>${d.id}</code> at <strong>${d.node}</strong> after ${d.attempts} attempt(s): <code>${d.code ?? "error"}</code> ${d.message}</p>
${
  isAdmin
    ? html`<div class="buttons"><button type="button" class="primary" data-dlq="redrive" data-id="${d.id}">Redrive</button> <button type="button" class="danger" data-dlq="discard" data-id="${d.id}">Discard</button></div>`
    : ""
}
<p class="result" role="status" aria-live="polite"></p></li>`,
        )}</ul>`
  }</section>`;
}
