import { event, play } from "../shared.ts";
import { c, type Trajectory, touch } from "./common.ts";

/** Trajectory cases for KPI drops, market scans, scheduled plays and repeated runs. */
export function playCases(): Trajectory[] {
  return [
    // kpi_dropped → strategy and analytics in parallel
    c(
      "kd-mqls",
      "An MQL drop runs strategy and analytics side by side and contacts nobody",
      ["marketing-strategy", "marketing-analytics"],
      event(
        "kpi_dropped",
        "metric",
        "mqls",
        { metric: "mqls", previous: 100, current: 60 },
        "marketing-analytics",
      ),
      {
        route: [{ mode: "unordered", agents: ["marketing-strategy", "marketing-analytics"] }],
        toolCalls: {
          order: "superset",
          calls: [
            { agent: "marketing-strategy", tool: "analytics_channel_budget", args: { model: "w" } },
            { agent: "marketing-analytics", tool: "analytics_kpi_compare" },
            { agent: "marketing-analytics", tool: "analytics_funnel" },
          ],
        },
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
    ),
    c(
      "kd-signups",
      "A webinar signup drop runs the same pair",
      ["marketing-strategy", "marketing-analytics"],
      event(
        "kpi_dropped",
        "metric",
        "webinar_signups",
        { metric: "webinar_signups", previous: 80, current: 30 },
        "marketing-analytics",
      ),
      {
        route: [
          { mode: "unordered", agents: ["marketing-strategy", "marketing-analytics"] },
          { mode: "must-not-visit", agents: ["campaign-execution", "lead-engagement"] },
        ],
        executedEffects: 0,
      },
    ),
    // market_scan_requested → market-intelligence and opportunity-scout
    c(
      "msr-scan",
      "A market scan scores accounts and opens an opportunity for the spiking one",
      ["market-intelligence", "opportunity-scout"],
      event("market_scan_requested", "account", "acme.com", {}, "scheduler"),
      {
        route: [{ mode: "unordered", agents: ["market-intelligence", "opportunity-scout"] }],
        decisions: {
          match: "contains",
          decisions: [{ actionType: "create_opportunity", target: "hooli.com", decision: "allow" }],
        },
        executedEffects: 1,
      },
    ),
    // scheduled plays
    c(
      "play-daily-review",
      "The daily pipeline review runs analytics and the deal closer and follows up stale deals",
      ["marketing-analytics", "deal-closer"],
      play("daily-pipeline-review"),
      {
        route: [{ mode: "unordered", agents: ["marketing-analytics", "deal-closer"] }],
        decisions: {
          match: "exact",
          decisions: [
            touch("bea.buyer@globex.com", "allow", null),
            touch("kramer.buyer@vandelay.com", "allow", null),
          ],
        },
        executedEffects: 2,
      },
    ),
    c(
      "play-stale-sweep",
      "The stale-deal sweep follows up Globex and Vandelay",
      ["deal-closer"],
      play("stale-deal-sweep"),
      {
        route: [{ mode: "exact", agents: ["deal-closer"] }],
        toolCalls: {
          order: "superset",
          calls: [
            { tool: "pipeline_deal_risks" },
            { tool: "outreach_draft_touch", args: { contactEmail: "kramer.buyer@vandelay.com" } },
          ],
        },
        decisions: {
          match: "exact",
          decisions: [
            touch("bea.buyer@globex.com", "allow", null),
            touch("kramer.buyer@vandelay.com", "allow", null),
          ],
        },
        executedEffects: 2,
      },
    ),
    c(
      "play-weekly-optimisation",
      "Weekly optimisation re-splits budget and hands off down the campaign chain",
      ["marketing-strategy", "campaign-planner"],
      play("weekly-campaign-optimisation"),
      {
        route: [
          {
            mode: "in-order",
            agents: ["marketing-strategy", "campaign-planner", "content-creation", "campaign-execution"],
          },
        ],
        decisions: { match: "contains", decisions: [{ actionType: "create_campaign", decision: "allow" }] },
      },
    ),
    c(
      "play-market-scan",
      "The weekly market scan runs intelligence then the scout",
      ["market-intelligence", "opportunity-scout"],
      play("weekly-market-scan"),
      {
        route: [{ mode: "in-order", agents: ["market-intelligence", "opportunity-scout"] }],
        executedEffects: 1,
      },
    ),
    c("play-unknown", "An unknown play runs nothing", [], play("monthly-magic"), {
      route: [{ mode: "exact", agents: [] }],
      executedEffects: 0,
    }),
    // duplicates, built from a first run on the same clock
    c(
      "dup-deal-follow-up",
      "Running the stale sweep twice does not send the same follow-up twice",
      ["deal-closer"],
      play("stale-deal-sweep"),
      {
        route: [{ mode: "exact", agents: ["deal-closer"] }],
        executedEffects: 0,
      },
      { tags: ["duplicate"], setup: [play("stale-deal-sweep")] },
    ),
  ];
}
