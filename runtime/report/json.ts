import type { Metric } from "../../domain/metrics/index.ts";
import type { Report } from "./build.ts";

/** Cents (possibly fractional) as decimal currency units, rounded to the cent. */
export function units(cents: number): number {
  return Math.round(cents) / 100;
}

/**
 * The `growth report --json` document: snake_case keys, money in decimal currency units, rates as
 * fractions, cycle in days; an undefined metric is null and `reasons` says why.
 */
export function reportJson(report: Report) {
  const reasons: Record<string, string> = {};
  const value = (key: string, m: Metric<number>, scale: (n: number) => number = (n) => n) => {
    if (m.value === null) {
      reasons[key] = m.reason;
      return null;
    }
    return scale(m.value);
  };
  const money = (sums: Record<string, number>) =>
    Object.fromEntries(Object.entries(sums).map(([name, cents]) => [name, units(cents)]));
  const a = report.attribution;
  return {
    window: { from: report.window.from?.toISOString() ?? null, to: report.window.to?.toISOString() ?? null },
    currency: report.currencies.length === 1 ? (report.currencies[0] ?? null) : null,
    currencies: report.currencies,
    pipeline: {
      open_count: report.pipeline.openCount,
      open_value: units(report.pipeline.openValueCents),
      weighted_value: units(report.pipeline.weightedValueCents),
    },
    closed: { won: report.closed.won, lost: report.closed.lost },
    win_rate: value("win_rate", report.winRate),
    avg_won_deal: value("avg_won_deal", report.avgWonDealCents, units),
    sales_cycle_days: value("sales_cycle_days", report.salesCycleDays),
    velocity_per_day: value("velocity_per_day", report.velocityPerDayCents, units),
    funnel: report.funnel.map((row) => ({
      stage: row.stage,
      count: row.count,
      value: units(row.valueCents),
    })),
    conversion: report.conversion.map((c) => ({
      from: c.from,
      to: c.to,
      entered: c.entered,
      reached: c.reached,
      rate: c.rate.value,
      ...(c.rate.value === null ? { reason: c.rate.reason } : {}),
    })),
    attribution: {
      model: a.model,
      deals_credited: a.dealsCredited,
      deals_without_touches: a.dealsWithoutTouches,
      total: units(a.totalCents),
      by_campaign: money(a.byCampaign),
      by_channel: money(a.byChannel),
      by_agent: money(a.byAgent),
    },
    lifecycle: report.lifecycle,
    skipped_opportunities: report.skippedOpportunities,
    reasons,
  };
}
