import type { Kysely } from "kysely";
import {
  type AttributionDeal,
  type AttributionModel,
  type AttributionRollup,
  DEFAULT_LOOKBACK_DAYS,
  rollUpSums,
} from "../../domain/attribution/index.ts";
import {
  averageWonDeal,
  closedInWindow,
  type FunnelRow,
  funnel,
  type Metric,
  type OpportunityFacts,
  openPipeline,
  type StageConversion,
  salesCycleDays,
  stageConversion,
  velocityPerDay,
  type Window,
  weightedPipeline,
  winRate,
  wonInWindow,
} from "../../domain/metrics/index.ts";
import { parseStage } from "../../domain/pipeline/index.ts";
import { eachDealTouches, loadReportData, type ReportOpportunity } from "../../store/queries/report-data.ts";
import type { Database } from "../../store/schema.ts";

const DAY_MS = 86_400_000;
const LOOKBACK_MS = DEFAULT_LOOKBACK_DAYS * DAY_MS;

/** The attribution model a report uses when none is asked for: every touch on the path weighs the same. */
export const DEFAULT_REPORT_MODEL: AttributionModel = "linear";

/** What a report covers: a window (inclusive; missing ends are open) and an attribution model. */
export interface ReportOptions {
  from?: Date | undefined;
  to?: Date | undefined;
  model?: AttributionModel | undefined;
}

/** The growth report's numbers; money in cents (averages may be fractional), rates as fractions. */
export interface Report {
  window: { from: Date | null; to: Date | null };
  /** Every currency the opportunities use; amounts are summed as they are, so more than one is a warning. */
  currencies: string[];
  pipeline: { openCount: number; openValueCents: number; weightedValueCents: number };
  /** Opportunities created in the window, by current stage. */
  funnel: FunnelRow[];
  /** Cohort conversion along the winning path. */
  conversion: StageConversion[];
  closed: { won: number; lost: number };
  winRate: Metric<number>;
  avgWonDealCents: Metric<number>;
  salesCycleDays: Metric<number>;
  velocityPerDayCents: Metric<number>;
  /** Credits for the deals won in the window. */
  attribution: AttributionRollup;
  /** Contacts per lifecycle stage (the whole store; contacts have no window). */
  lifecycle: Record<string, number>;
  /** Opportunities left out because their stored stage is not a known stage. */
  skippedOpportunities: number;
}

/**
 * Builds the growth report per docs/domain-rules.md's metric rules over the window (default: all data): pipeline is a
 * snapshot of open deals created by `to`; win rate, average deal, cycle and attribution use deals closed in
 * the window; funnel and conversion use opportunities created or entering a stage in it.
 */
export async function buildReport(db: Kysely<Database>, options: ReportOptions = {}): Promise<Report> {
  const window: Window = { from: options.from, to: options.to };
  const model = options.model ?? DEFAULT_REPORT_MODEL;
  // Each opportunity becomes its metric facts as it is read; only the facts are kept.
  const opps: OpportunityFacts[] = [];
  const currencySet = new Set<string>();
  let read = 0;
  const data = await loadReportData(db, (o) => {
    read++;
    currencySet.add(o.currency);
    const facts = toFacts(o);
    if (facts) opps.push(facts);
  });
  const currencies = [...currencySet].sort();

  // The won deals' touches in their look-back (read a day wider; attributeDeal applies the exact window), a
  // chunk of deals per read: each deal's are credited and let go, so memory does not grow with the touches.
  const attribution = rollUpSums(model);
  const won = wonInWindow(opps, window).map((o) => ({
    ...o,
    from: new Date(o.closedAt.getTime() - LOOKBACK_MS - DAY_MS),
    to: o.closedAt,
  }));
  await eachDealTouches(db, won, (o, { touches, firstContactAt }) => {
    const deal: AttributionDeal = {
      id: o.id,
      amountCents: o.amountCents,
      createdAt: o.createdAt,
      closedAt: o.closedAt,
      leadCreatedAt: firstContactAt,
    };
    attribution.add(deal, touches);
  });
  const open = openPipeline(opps, window);
  const closed = closedInWindow(opps, window);

  return {
    window: { from: options.from ?? null, to: options.to ?? null },
    currencies,
    pipeline: {
      openCount: open.count,
      openValueCents: open.valueCents,
      weightedValueCents: weightedPipeline(opps, undefined, window),
    },
    funnel: funnel(opps, window),
    conversion: stageConversion(opps, window),
    closed: {
      won: closed.filter((o) => o.stage === "closed_won").length,
      lost: closed.filter((o) => o.stage === "closed_lost").length,
    },
    winRate: winRate(opps, window),
    avgWonDealCents: averageWonDeal(opps, window),
    salesCycleDays: salesCycleDays(opps, window),
    velocityPerDayCents: velocityPerDay(opps, window),
    attribution: attribution.result(),
    lifecycle: data.lifecycle,
    skippedOpportunities: read - opps.length,
  };
}

/** An opportunity's metric facts; null for a stored stage that is not a known one (counted as skipped). */
export function toFacts(o: ReportOpportunity): OpportunityFacts | null {
  const stage = parseStage(o.stage);
  if (stage === null) return null;
  const stageHistory = o.stageHistory.flatMap((h) => {
    const s = parseStage(h.stage);
    return s === null ? [] : [{ stage: s, enteredAt: h.enteredAt }];
  });
  return { ...o, stage, stageHistory };
}
