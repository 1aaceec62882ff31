import type { GrowthEvent } from "../../domain/events.ts";
import type { KpiRow } from "../../tools/analytics/kpi-compare.ts";
import { windowText } from "../request/window.ts";
import type { KpiDrop } from "./artefacts.ts";
import { percent } from "./request.ts";

/** A KPI has dropped when it fell by at least this share against the previous window (20%). */
export const KPI_DROP_THRESHOLD = 0.2;

/** The KPI comparison window: the last 30 days against the 30 before. */
export const KPI_WINDOW_DAYS = 30;

/** Below this previous value a fall is noise, not a drop (e.g. 2 → 1 webinar signups). */
export const KPI_MIN_BASELINE = 5;

/** KPIs whose fall is worth a strategy review; raw touch volume is our own output, so it is only reported. */
const WATCHED = new Set([
  "webinar_signups",
  "leads_created",
  "mqls_created",
  "opportunities_created",
  "deals_won",
  "won_revenue_cents",
]);

/** The watched KPIs that fell past the threshold from a big enough baseline, worst first. */
export function findDrops(rows: readonly KpiRow[], threshold = KPI_DROP_THRESHOLD): KpiDrop[] {
  return rows
    .filter(
      (r) =>
        WATCHED.has(r.metric) &&
        r.change !== null &&
        r.change <= -threshold &&
        r.previous >= KPI_MIN_BASELINE,
    )
    .map((r) => ({
      metric: r.metric,
      channel: r.channel,
      previous: r.previous,
      current: r.current,
      change: r.change!,
    }))
    .sort((a, b) => a.change - b.change || a.metric.localeCompare(b.metric));
}

/** The `kpi_dropped` event for a drop, in the orchestrator's shape. */
export function kpiDroppedEvent(
  drop: KpiDrop,
  correlationId: string | undefined,
  windowDays: number = KPI_WINDOW_DAYS,
): GrowthEvent {
  return {
    event_type: "kpi_dropped",
    source_agent: "marketing-analytics",
    entity_type: "metric",
    entity_id: drop.metric,
    action: "dropped",
    data: {
      metric: drop.metric,
      previous: drop.previous,
      current: drop.current,
      change: drop.change,
      window_days: windowDays,
      ...(drop.channel ? { channel: drop.channel } : {}),
    },
    ...(correlationId ? { correlation_id: correlationId } : {}),
  };
}

/** Words in a question that name a KPI. */
const KPI_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ["webinar_signups", /webinar/i],
  ["mqls_created", /\bmqls?\b|marketing.qualified/i],
  ["leads_created", /\bleads?\b/i],
  ["opportunities_created", /\bopportunit|\bopps?\b/i],
  ["won_revenue_cents", /revenue|bookings/i],
  ["deals_won", /deals? won|\bwins?\b/i],
];

/** The KPI a question is about, if it names one. */
export function kpiInText(text: string): string | undefined {
  return KPI_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** One line on a KPI row: "webinar_signups: 4 vs 10 in the previous 30 days (-60%)". */
export function describeKpi(
  row: Pick<KpiRow, "metric" | "current" | "previous" | "change">,
  now: Date,
  days: number = KPI_WINDOW_DAYS,
): string {
  const name = row.metric.replaceAll("_", " ").replace(" cents", "");
  const money = row.metric.endsWith("_cents");
  const show = (n: number) => (money ? `$${Math.round(n / 100).toLocaleString("en-US")}` : String(n));
  const change = row.change === null ? "no previous value" : percent(row.change);
  return `${name}: ${show(row.current)} in the ${windowText(now, days)} vs ${show(row.previous)} in the ${days} days before (${change})`;
}

/** The touch channels that moved most between the windows, as a short "why" for a KPI question. */
export function channelMovers(rows: readonly KpiRow[], limit = 3): string[] {
  return rows
    .filter((r) => r.metric === "touches" && r.channel !== null && r.current !== r.previous)
    .sort(
      (a, b) =>
        Math.abs(b.current - b.previous) - Math.abs(a.current - a.previous) ||
        a.channel!.localeCompare(b.channel!),
    )
    .slice(0, limit)
    .map((r) => `${r.channel} touches ${r.previous} → ${r.current}`);
}
