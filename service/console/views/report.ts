import { html } from "hono/html";
import { ATTRIBUTION_MODELS } from "../../../domain/attribution/index.ts";
import type { ApiRead } from "../api.ts";
import { money, percent } from "../format.ts";

interface ReportJson {
  currency: string | null;
  pipeline: { open_count: number; open_value: number; weighted_value: number };
  closed: { won: number; lost: number };
  win_rate: number | null;
  avg_won_deal: number | null;
  sales_cycle_days: number | null;
  velocity_per_day: number | null;
  funnel: { stage: string; count: number; value: number }[];
  conversion: { from: string; to: string; entered: number; reached: number; rate: number | null }[];
  attribution: {
    model: string;
    deals_credited: number;
    total: number;
    by_campaign: Record<string, number>;
    by_channel: Record<string, number>;
    by_agent: Record<string, number>;
  };
  reasons: Record<string, string>;
}

interface Series {
  months: {
    month: string;
    won: number;
    lost: number;
    win_rate: number | null;
    velocity_per_day: number | null;
  }[];
}

type Format = "money" | "percent" | "count";

/** A chart for the script to draw with Chart.js: its kind, labels, one or more series and the number format. */
function chart(
  id: string,
  label: string,
  spec: {
    type: "bar" | "line";
    labels: string[];
    series: { label: string; data: (number | null)[] }[];
    format: Format;
    horizontal?: boolean;
  },
) {
  return html`<canvas id="${id}" class="chart" role="img" aria-label="${label}" data-chart="${JSON.stringify(spec)}"></canvas>`;
}

function numberTable(caption: string, head: [string, string], rows: [string, string][]) {
  return html`<table class="numbers"><caption>${caption}</caption><thead><tr><th scope="col">${head[0]}</th><th scope="col" class="num">${head[1]}</th></tr></thead><tbody>${rows.map(
    ([k, v]) => html`<tr><th scope="row">${k}</th><td class="num">${v}</td></tr>`,
  )}</tbody></table>`;
}

function sorted(sums: Record<string, number>): [string, number][] {
  return Object.entries(sums).sort((a, b) => b[1] - a[1]);
}

const OPEN = ["new", "qualified", "discovery", "proposal", "negotiation"];

/** The growth report: pipeline, funnel, conversion, win rate and velocity by month, attribution; numbers beside. */
export async function reportView(api: ApiRead, query: Record<string, string>) {
  const model =
    query.model && (ATTRIBUTION_MODELS as readonly string[]).includes(query.model) ? query.model : "linear";
  const r = await api<ReportJson>(`/v1/report?model=${encodeURIComponent(model)}`);
  const s = await api<Series>("/v1/report/series?months=12");
  const open = r.funnel.filter((f) => OPEN.includes(f.stage));
  const a = r.attribution;
  const attribution = (id: string, title: string, sums: Record<string, number>) => {
    const rows = sorted(sums);
    return html`<section class="card chart-card"><h3>${title}</h3><div class="split">
<div class="chart-box" style="height: ${Math.max(12, rows.length * 1.7 + 3)}rem">${chart(id, `${title}, ${a.model} model`, { type: "bar", labels: rows.map(([k]) => k), series: [{ label: `credited (${a.model})`, data: rows.map(([, v]) => v) }], format: "money", horizontal: true })}</div>
${numberTable(
  title,
  ["", "credited"],
  rows.map(([k, v]) => [k, money(v)]),
)}</div></section>`;
  };
  return html`<h1>Report</h1>
<div class="tiles">
  <div class="tile"><span class="big">${money(r.pipeline.open_value)}</span> open pipeline (${r.pipeline.open_count} deals)</div>
  <div class="tile"><span class="big">${money(r.pipeline.weighted_value)}</span> weighted pipeline</div>
  <div class="tile"><span class="big">${percent(r.win_rate)}</span> win rate (${r.closed.won} won, ${r.closed.lost} lost)</div>
  <div class="tile"><span class="big">${money(r.avg_won_deal)}</span> average won deal</div>
  <div class="tile"><span class="big">${r.sales_cycle_days === null ? "—" : `${r.sales_cycle_days.toFixed(0)} days`}</span> sales cycle</div>
  <div class="tile"><span class="big">${money(r.velocity_per_day)}</span> velocity per day</div>
</div>
${Object.keys(r.reasons).length > 0 ? html`<ul class="reasons">${Object.entries(r.reasons).map(([k, v]) => html`<li><strong>${k}</strong>: ${v}</li>`)}</ul>` : ""}
<div class="grid2">
<section class="card chart-card"><h2>Pipeline by stage</h2><div class="chart-box">${chart("chart-pipeline", "Open pipeline value by stage", { type: "bar", labels: open.map((f) => f.stage), series: [{ label: "value", data: open.map((f) => f.value) }], format: "money" })}</div>
${numberTable(
  "Open pipeline by stage",
  ["stage", "value"],
  open.map((f) => [f.stage, `${money(f.value)} · ${f.count}`]),
)}</section>
<section class="card chart-card"><h2>Funnel</h2><div class="chart-box">${chart("chart-funnel", "Opportunities by current stage", { type: "bar", labels: r.funnel.map((f) => f.stage), series: [{ label: "opportunities", data: r.funnel.map((f) => f.count) }], format: "count", horizontal: true })}</div>
${numberTable(
  "Opportunities by stage",
  ["stage", "count"],
  r.funnel.map((f) => [f.stage, String(f.count)]),
)}</section>
<section class="card chart-card"><h2>Stage conversion</h2><div class="chart-box">${chart("chart-conversion", "Cohort conversion from each stage to the next", { type: "bar", labels: r.conversion.map((c) => `${c.from} → ${c.to}`), series: [{ label: "converted", data: r.conversion.map((c) => c.rate) }], format: "percent" })}</div>
${numberTable(
  "Conversion",
  ["step", "rate"],
  r.conversion.map((c) => [`${c.from} → ${c.to}`, `${percent(c.rate)} (${c.reached}/${c.entered})`]),
)}</section>
<section class="card chart-card"><h2>Win rate and velocity by month</h2><div class="chart-box">${chart("chart-winrate", "Win rate by month", { type: "line", labels: s.months.map((m) => m.month), series: [{ label: "win rate", data: s.months.map((m) => m.win_rate) }], format: "percent" })}</div>
<div class="chart-box">${chart("chart-velocity", "Pipeline velocity per day by month", { type: "line", labels: s.months.map((m) => m.month), series: [{ label: "velocity per day", data: s.months.map((m) => m.velocity_per_day) }], format: "money" })}</div>
${numberTable(
  "By month",
  ["month", "win rate · velocity/day"],
  s.months.map((m) => [
    m.month,
    `${percent(m.win_rate)} · ${money(m.velocity_per_day)} (${m.won}W/${m.lost}L)`,
  ]),
)}</section>
</div>
<h2 id="attribution">Attribution</h2>
<form class="filters" method="get" action="/report#attribution">
  <div><label for="model">Model</label><select id="model" name="model">${ATTRIBUTION_MODELS.map(
    (m) => html`<option value="${m}"${m === a.model ? " selected" : ""}>${m}</option>`,
  )}</select></div>
  <div><button type="submit" class="primary">Show</button></div>
</form>
<p class="muted">${a.deals_credited} won deals credited, ${money(a.total)} in total, by the <strong>${a.model}</strong> model.</p>
${attribution("chart-channel", "By channel", a.by_channel)}
${attribution("chart-campaign", "By campaign", a.by_campaign)}
${attribution("chart-agent", "By agent", a.by_agent)}`;
}
