import { ToolError } from "../domain/errors.ts";
import type { GrowthEvent } from "../domain/events.ts";
import { analyticsAttribution } from "../tools/analytics/attribution.ts";
import { analyticsFunnel } from "../tools/analytics/funnel.ts";
import { analyticsKpiCompare } from "../tools/analytics/kpi-compare.ts";
import { analyticsPipelineMetrics } from "../tools/analytics/pipeline-metrics.ts";
import { analyticsScoreLead } from "../tools/analytics/score-lead.ts";
import { type AgentKit, type AgentResult, defineAgent } from "./agent.ts";
import { AnalyticsArtefact } from "./marketing/artefacts.ts";
import {
  channelMovers,
  describeKpi,
  findDrops,
  KPI_DROP_THRESHOLD,
  KPI_WINDOW_DAYS,
  kpiDroppedEvent,
  kpiInText,
} from "./marketing/kpi-drops.ts";
import { dollars, eventOf, percent } from "./marketing/request.ts";
import { parseFilters } from "./request/filters.ts";
import { windowText } from "./request/window.ts";

export { KPI_DROP_THRESHOLD } from "./marketing/kpi-drops.ts";

/** The look-back of the report's pipeline metrics, funnel and attribution. */
export const REPORT_WINDOW_DAYS = 365;

/** The attribution model the daily report uses. */
export const REPORT_ATTRIBUTION_MODEL = "w";

/** Measures funnel, velocity and attribution, flags KPI drops, and qualifies new leads for BD. */
export const marketingAnalytics = defineAgent({
  id: "marketing-analytics",
  cluster: "marketing",
  title: "Marketing analytics",
  description:
    "Measures marketing and pipeline performance: funnel and lifecycle conversion, pipeline velocity, win rate, " +
    "multi-touch attribution by campaign and channel, KPI changes month over month (emits kpi_dropped on a fall), " +
    "and scores new leads, handing MQLs to BD with lead_qualified.",
  examples: [
    "Why did webinar signups drop?",
    "What's our pipeline velocity?",
    "Show me the funnel conversion by stage",
    "Which channels get credit for closed-won revenue under W-shaped attribution?",
    "How many MQLs did we create this month compared with last month?",
    "Is ana@acme.com an MQL yet?",
    "Give me the daily marketing KPI report",
  ],
  reads: [],
  tools: [
    analyticsPipelineMetrics,
    analyticsFunnel,
    analyticsAttribution,
    analyticsKpiCompare,
    analyticsScoreLead,
  ],
  artefact: AnalyticsArtefact,
  async playbook(input, kit) {
    const created = eventOf(input.request, "lead_created");
    if (created) return scoreLead(kit, created);
    const asked =
      input.request.kind === "chat" ? /\b[^\s@]+@[^\s@]+\.[a-z]{2,}\b/i.exec(input.request.text) : null;
    if (asked) return scoreLead(kit, null, asked[0]);

    const metrics = await kit.use(analyticsPipelineMetrics, { windowDays: REPORT_WINDOW_DAYS });
    const funnel = await kit.use(analyticsFunnel, { windowDays: REPORT_WINDOW_DAYS });
    const attribution = await kit.use(analyticsAttribution, {
      model: REPORT_ATTRIBUTION_MODEL,
      windowDays: REPORT_WINDOW_DAYS,
    });
    // A date range the chat names ("over the last 14 days") sets the KPI window; otherwise 30 days.
    const range =
      input.request.kind === "chat"
        ? parseFilters(input.request.text, input.vocabulary, input.now).dateRange
        : null;
    const kpiDays = range
      ? Math.min(365, Math.max(1, Math.round((range.to.getTime() - range.from.getTime()) / 86_400_000)))
      : KPI_WINDOW_DAYS;
    const { rows } = await kit.use(analyticsKpiCompare, { days: kpiDays });
    const drops = findDrops(rows);

    // A kpi_dropped request is already the alarm; raising it again would loop back through the strategy.
    const dropped = eventOf(input.request, "kpi_dropped");
    const correlation = input.request.kind === "event" ? input.request.event.correlation_id : undefined;
    const events = dropped ? [] : drops.map((d) => kpiDroppedEvent(d, correlation, kpiDays));

    const topic = dropped
      ? String(dropped.data.metric)
      : input.request.kind === "chat"
        ? kpiInText(input.request.text)
        : undefined;
    const lines: string[] = [];
    const focusRow = rows.find((r) => r.metric === topic && (r.metric !== "touches" || r.channel === null));
    if (focusRow) {
      lines.push(`${describeKpi(focusRow, input.now, kpiDays)}.`);
      const movers = channelMovers(rows);
      if (movers.length > 0) lines.push(`Biggest channel shifts: ${movers.join(", ")}.`);
    }
    const velocity = metrics.velocityPerDayCents;
    lines.push(
      velocity.value === null
        ? `Velocity undefined: ${velocity.reason}`
        : `Pipeline velocity (${windowText(input.now, REPORT_WINDOW_DAYS)}) ${dollars(velocity.value)}/day; win rate ${metrics.winRate.value === null ? "n/a" : percent(metrics.winRate.value).replace("+", "")}, open pipeline ${dollars(metrics.openPipeline.valueCents)}.`,
    );
    const topChannel = attribution.byChannel[0];
    if (topChannel)
      lines.push(
        `Top channel by ${REPORT_ATTRIBUTION_MODEL} attribution: ${topChannel.key} (${dollars(topChannel.cents)}).`,
      );
    lines.push(
      drops.length === 0
        ? `No KPI fell ${percent(-KPI_DROP_THRESHOLD).replace("-", "")} or more in the ${windowText(input.now, kpiDays)} against the ${kpiDays} days before.`
        : `KPI drops: ${drops.map((d) => `${d.metric} ${percent(d.change)}`).join(", ")}${events.length ? " — raised kpi_dropped." : "."}`,
    );

    return {
      artefact: {
        focus: "report" as const,
        metrics,
        funnel,
        attribution,
        kpis: rows,
        drops,
        lead: null,
      },
      summary: lines.join(" "),
      proposals: [],
      events,
      // The KPI a question is about (webinar signups) is its channel.
      appliedFilters: focusRow ? ["date_range", "channel"] : ["date_range"],
    };
  },
});

/** Scores one lead; an MQL becomes a `lead_qualified` event, the Marketing → BD hand-off. */
async function scoreLead(
  kit: AgentKit,
  event: GrowthEvent | null,
  email = event?.entity_id ?? "",
): Promise<AgentResult<AnalyticsArtefact>> {
  const base = {
    focus: "lead" as const,
    metrics: null,
    funnel: null,
    attribution: null,
    kpis: [],
    drops: [],
  };
  let score: Awaited<ReturnType<typeof analyticsScoreLead.run>>;
  try {
    score = await kit.use(analyticsScoreLead, { email });
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return {
      artefact: { ...base, lead: null },
      summary: `Could not score ${email}: ${error.message}`,
      proposals: [],
    };
  }
  const lead = {
    email: score.email,
    fit: score.fit,
    engagement: score.engagement,
    mql: score.mql,
    reasons: score.reasons,
  };
  const qualified: GrowthEvent[] =
    score.mql && event
      ? [
          {
            event_type: "lead_qualified",
            source_agent: "marketing-analytics",
            entity_type: "lead",
            entity_id: score.email,
            action: "qualified",
            data: {
              fit: score.fit,
              engagement: score.engagement,
              reasons: score.reasons,
              lead_id: score.leadId,
            },
            ...(event.correlation_id ? { correlation_id: event.correlation_id } : {}),
          },
        ]
      : [];
  return {
    artefact: { ...base, lead },
    summary:
      `${score.email}: fit ${score.fit}, engagement ${score.engagement} — ${score.mql ? "MQL" : "not an MQL yet"}. ` +
      `${score.reasons.at(-1) ?? ""}${qualified.length ? " Handed to BD with lead_qualified." : ""}`,
    proposals: [],
    events: qualified,
  };
}
