import { event } from "../shared.ts";
import { c, type Trajectory, touch } from "./common.ts";

/** Trajectory cases for lead scoring, engagement spikes and deal events. */
export function pipelineCases(): Trajectory[] {
  return [
    // lead_created → marketing-analytics scores the lead, never touches anyone.
    c(
      "lc-ana-scored",
      "A new lead is scored by analytics and nobody is contacted",
      ["marketing-analytics"],
      event("lead_created", "lead", "ana.lopez@acme.com", {}, "web-form"),
      {
        route: [{ mode: "exact", agents: ["marketing-analytics"] }],
        toolCalls: {
          order: "exact",
          calls: [{ tool: "analytics_score_lead", args: { email: "ana.lopez@acme.com" }, argMode: "exact" }],
        },
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
    ),
    c(
      "lc-fred-scored",
      "A free-mail lead is scored too",
      ["marketing-analytics"],
      event("lead_created", "lead", "fred.free@gmail.com", {}, "web-form"),
      {
        route: [{ mode: "exact", agents: ["marketing-analytics"] }],
        toolCalls: {
          order: "superset",
          calls: [{ tool: "analytics_score_lead", args: { email: "fred.free@gmail.com" } }],
        },
        executedEffects: 0,
      },
    ),
    // engagement_spike → opportunity-scout
    c(
      "es-acme-opens-opportunity",
      "A reported 30-visit spike at an unowned account opens an opportunity",
      ["opportunity-scout"],
      event("engagement_spike", "account", "acme.com", { visits: 30 }, "web-analytics"),
      {
        route: [{ mode: "exact", agents: ["opportunity-scout"] }],
        toolCalls: {
          order: "in-order",
          calls: [{ tool: "pipeline_engagement_spikes", args: { accountDomain: "acme.com" } }],
        },
        decisions: {
          match: "exact",
          decisions: [{ actionType: "create_opportunity", target: "acme.com", decision: "allow" }],
        },
        executedEffects: 1,
      },
    ),
    c(
      "es-globex-has-opportunity",
      "A spike at an account that already has an open opportunity opens no second one",
      ["opportunity-scout"],
      event("engagement_spike", "account", "globex.com", { visits: 30 }, "web-analytics"),
      {
        route: [{ mode: "exact", agents: ["opportunity-scout"] }],
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
      { tags: ["open_opportunity"] },
    ),
    c(
      "es-stark-suppressed",
      "A spike at a suppressed account opens nothing",
      ["opportunity-scout"],
      event("engagement_spike", "account", "stark.com", { visits: 40 }, "web-analytics"),
      {
        route: [{ mode: "exact", agents: ["opportunity-scout"] }],
        executedEffects: 0,
      },
      { tags: ["suppression"] },
    ),
    c(
      "es-initech-too-small",
      "Five visits is below the spike threshold",
      ["opportunity-scout"],
      event("engagement_spike", "account", "initech.com", { visits: 5 }, "web-analytics"),
      {
        route: [{ mode: "exact", agents: ["opportunity-scout"] }],
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
    ),
    // opportunity_stage_changed / deal_stale → deal-closer (the owner's deal play passes the open-opportunity rule)
    c(
      "osc-globex-negotiation",
      "Moving Globex to negotiation prompts the owner's follow-up to the buyer",
      ["deal-closer"],
      event("opportunity_stage_changed", "opportunity", "opp-globex-1", { to_stage: "negotiation" }),
      {
        route: [{ mode: "exact", agents: ["deal-closer"] }],
        toolCalls: {
          order: "exact",
          calls: [
            { tool: "pipeline_deal_risks", args: { opportunityId: "opp-globex-1" } },
            { tool: "crm_account_contacts", args: { account: "globex.com" } },
            {
              tool: "outreach_draft_touch",
              args: { templateId: "deal-follow-up", contactEmail: "bea.buyer@globex.com" },
            },
          ],
        },
        decisions: { match: "exact", decisions: [touch("bea.buyer@globex.com", "allow", null)] },
        executedEffects: 1,
      },
      { tags: ["open_opportunity"] },
    ),
    c(
      "ds-vandelay-stale",
      "A stale negotiation gets a follow-up to the buyer, not the VP",
      ["deal-closer"],
      event("deal_stale", "opportunity", "opp-vandelay-1", {}, "scheduler"),
      {
        route: [{ mode: "exact", agents: ["deal-closer"] }],
        decisions: { match: "exact", decisions: [touch("kramer.buyer@vandelay.com", "allow", null)] },
        executedEffects: 1,
      },
    ),
    c(
      "ds-vandelay-buyer-dnc",
      "When the buyer is do-not-contact, the stale-deal follow-up is not sent to them",
      ["deal-closer"],
      event("deal_stale", "opportunity", "opp-vandelay-1", {}, "scheduler"),
      {
        route: [{ mode: "exact", agents: ["deal-closer"] }],
        decisions: { match: "contains", decisions: [] },
        executedEffects: 0,
      },
      {
        tags: ["suppression"],
        fixture: {
          base: "crm",
          rows: {
            contacts: [
              {
                email: "kramer.buyer@vandelay.com",
                first_name: "Cosmo",
                last_name: "Kramer",
                title: "Procurement Manager",
                account_domain: "vandelay.com",
                do_not_contact: 1,
              },
            ],
            suppressions: [{ contact_email: "kramer.buyer@vandelay.com", reason: "do_not_contact" }],
          },
        },
      },
    ),
  ];
}
