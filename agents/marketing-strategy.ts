import { ToolError } from "../domain/errors.ts";
import { analyticsChannelBudget } from "../tools/analytics/channel-budget.ts";
import { analyticsSegments } from "../tools/analytics/segments.ts";
import { type AgentKit, defineAgent } from "./agent.ts";
import { AnalyticsArtefact, StrategyArtefact } from "./marketing/artefacts.ts";
import {
  asksForCampaign,
  dataCents,
  describeRequest,
  dollars,
  eventOf,
  parseMoneyCents,
  percent,
  requestText,
} from "./marketing/request.ts";
import { windowText } from "./request/window.ts";

/** The marketing budget split when the request names none: $100,000 a quarter. */
export const DEFAULT_MARKETING_BUDGET_CENTS = 10_000_000;

/** Every channel keeps at least this share of the budget, so no channel is starved of the data to prove itself. */
export const CHANNEL_FLOOR_SHARE = 0.05;

/** The attribution model the budget follows: W-shaped credits first touch, lead and deal creation. */
export const STRATEGY_ATTRIBUTION_MODEL = "w";

/** The look-back for segments and attribution. */
export const STRATEGY_WINDOW_DAYS = 365;

/** The campaign channel a KPI belongs to, when it belongs to one. */
const KPI_CHANNEL: Readonly<Record<string, string>> = { webinar_signups: "webinar" };

/** Sets target segments and a channel budget from attribution; asks the planner for a campaign when requested. */
export const marketingStrategy = defineAgent({
  id: "marketing-strategy",
  cluster: "marketing",
  title: "Marketing strategy",
  description:
    "Sets marketing strategy: ranks industry × company-size segments by win rate and average deal, and splits " +
    "the marketing budget across channels in proportion to attributed revenue, with a floor per channel.",
  examples: [
    "How should we split next quarter's $120k marketing budget across channels?",
    "Which segments should marketing focus on?",
    "Reallocate channel spend based on attribution",
    "Our MQLs fell, what should we change in the marketing mix?",
    "Review our channel mix and plan the next campaign",
    "Which industries and company sizes give us the best win rate and deal size?",
  ],
  reads: ["marketing-analytics"],
  tools: [analyticsSegments, analyticsChannelBudget],
  artefact: StrategyArtefact,
  async playbook(input, kit) {
    const dropped = eventOf(input.request, "kpi_dropped");
    const text = requestText(input.request);
    const totalCents =
      dataCents(eventOf(input.request), "budget_cents") ??
      parseMoneyCents(text) ??
      DEFAULT_MARKETING_BUDGET_CENTS;
    const rationale: string[] = [];

    const { segments } = await kit.use(analyticsSegments, { windowDays: STRATEGY_WINDOW_DAYS, limit: 10 });
    const ranked = segments.map((s) => ({
      industry: s.industry,
      sizeBand: s.sizeBand,
      accounts: s.accounts,
      won: s.won,
      lost: s.lost,
      winRate: s.winRate.value,
      averageWonDealCents: s.averageWonDealCents.value,
      expectedDealCents: s.expectedDealCents,
    }));
    const best = ranked.find((s) => s.expectedDealCents !== null && s.industry !== "unknown");
    const focus = best
      ? { industry: best.industry, sizeBand: best.sizeBand === "unknown" ? null : best.sizeBand }
      : null;
    rationale.push(
      best
        ? `Focus ${best.industry} ${best.sizeBand}: win rate ${percent(best.winRate ?? 0).replace("+", "")} over ` +
            `${best.won + best.lost} closed deals, average won deal ${dollars(best.averageWonDealCents ?? 0)}.`
        : `No segment closed a deal in the ${windowText(input.now, STRATEGY_WINDOW_DAYS)}; no focus segment yet.`,
    );

    const budget = await channelBudget(kit, totalCents);
    const attributed = budget.channels.reduce((s, c) => s + c.attributedCents, 0);
    rationale.push(
      budget.channels.length === 0
        ? `No campaign has a channel yet, so ${dollars(totalCents)} cannot be split; plan a first campaign.`
        : attributed === 0
          ? `No won revenue is attributed to campaigns yet, so ${dollars(totalCents)} is split equally across ${budget.channels.length} channels.`
          : `${dollars(totalCents)} follows ${STRATEGY_ATTRIBUTION_MODEL} attributed revenue over ${STRATEGY_WINDOW_DAYS} days, ` +
            `with a floor of ${dollars(budget.floorCents)} per channel: ` +
            budget.channels.map((c) => `${c.channel} ${dollars(c.budgetCents)}`).join(", ") +
            ".",
    );

    if (dropped) {
      const metric = String(dropped.data.metric);
      const channel = KPI_CHANNEL[metric];
      const line = budget.channels.find((c) => c.channel === channel);
      rationale.push(
        `${metric} fell from ${dropped.data.previous} to ${dropped.data.current}` +
          (line
            ? `; ${channel} keeps ${dollars(line.budgetCents)}, and a recovery campaign should target ${focus?.industry ?? "the best segment"}.`
            : "."),
      );
    }
    const analytics = AnalyticsArtefact.safeParse(input.artefacts["marketing-analytics"]);
    if (analytics.success && analytics.data.drops.length > 0)
      rationale.push(
        `Analytics flagged: ${analytics.data.drops.map((d) => `${d.metric} ${percent(d.change)}`).join(", ")}.`,
      );

    // With no campaign channel there is nothing to split: the planner's first campaign is the next step.
    const campaignRequested = asksForCampaign(input.request) || budget.channels.length === 0;
    const top = budget.channels[0];
    return {
      artefact: {
        trigger: describeRequest(input.request),
        segments: ranked,
        focus,
        budget: { totalCents, model: budget.model, floorCents: budget.floorCents, channels: budget.channels },
        rationale,
        campaignRequested,
      },
      summary:
        `${focus ? `Focus segment ${focus.industry} ${focus.sizeBand ?? ""}`.trim() : "No focus segment"} (${windowText(input.now, STRATEGY_WINDOW_DAYS)}); ` +
        `${dollars(totalCents)} across ${budget.channels.length} channels${top ? `, most to ${top.channel} (${dollars(top.budgetCents)})` : ""}.` +
        (campaignRequested ? " Asked campaign-planner for the next campaign." : ""),
      proposals: [],
      ...(campaignRequested ? { handoffs: ["campaign-planner" as const] } : {}),
    };
  },
});

/** The channel split from attribution; a store with no campaign channel yet gets an empty split, not a failure. */
async function channelBudget(kit: AgentKit, totalCents: number) {
  try {
    return await kit.use(analyticsChannelBudget, {
      totalBudgetCents: totalCents,
      model: STRATEGY_ATTRIBUTION_MODEL,
      windowDays: STRATEGY_WINDOW_DAYS,
      floorShare: CHANNEL_FLOOR_SHARE,
    });
  } catch (error) {
    if (error instanceof ToolError && error.code === "no_campaign_channels") {
      return { model: STRATEGY_ATTRIBUTION_MODEL, floorCents: 0, channels: [] };
    }
    throw error;
  }
}
