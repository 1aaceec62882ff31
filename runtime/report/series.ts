import type { Kysely } from "kysely";
import { type Metric, type OpportunityFacts, velocityPerDay, winRate } from "../../domain/metrics/index.ts";
import { loadReportData } from "../../store/queries/report-data.ts";
import type { Database } from "../../store/schema.ts";
import { toFacts } from "./build.ts";
import { units } from "./json.ts";

/** The most months one series may cover. */
export const MAX_SERIES_MONTHS = 36;

/** One calendar month (UTC) of the series: deals closed in it, its win rate and velocity (null with a reason). */
export interface SeriesPoint {
  month: string;
  won: number;
  lost: number;
  win_rate: number | null;
  velocity_per_day: number | null;
  reasons: Record<string, string>;
}

/**
 * Win rate and pipeline velocity per calendar month, the `months` months up to the one holding the newest
 * stage entry in the store (so a seeded demo store draws the same series on any day), each month's metrics
 * computed by the same domain rules as the report over that month's window.
 */
export async function reportSeries(db: Kysely<Database>, months = 12): Promise<{ months: SeriesPoint[] }> {
  const opps: OpportunityFacts[] = [];
  let newest = 0;
  await loadReportData(db, (o) => {
    const facts = toFacts(o);
    if (!facts) return;
    opps.push(facts);
    for (const at of [facts.createdAt, facts.closedAt, ...facts.stageHistory.map((h) => h.enteredAt)])
      if (at && at.getTime() > newest) newest = at.getTime();
  });
  if (opps.length === 0) return { months: [] };
  const last = new Date(newest);
  const points: SeriesPoint[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const from = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - back, 1));
    const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const window = { from, to: new Date(next.getTime() - 1) };
    const closed = opps.filter((o) => o.closedAt && o.closedAt >= from && o.closedAt < next);
    const reasons: Record<string, string> = {};
    const value = (key: string, m: Metric<number>, scale: (n: number) => number = (n) => n) => {
      if (m.value === null) reasons[key] = m.reason;
      return m.value === null ? null : scale(m.value);
    };
    points.push({
      month: from.toISOString().slice(0, 7),
      won: closed.filter((o) => o.stage === "closed_won").length,
      lost: closed.filter((o) => o.stage === "closed_lost").length,
      win_rate: value("win_rate", winRate(opps, window)),
      velocity_per_day: value("velocity_per_day", velocityPerDay(opps, window), units),
      reasons,
    });
  }
  return { months: points };
}
