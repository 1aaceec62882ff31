import { event } from "../shared.ts";
import { c, type Trajectory } from "./common.ts";

/** Trajectory cases for campaign and content requests down the marketing chain. */
export function marketingCases(): Trajectory[] {
  return [
    // campaign_requested → planner → content → execution
    c(
      "cr-fintech-webinar",
      "A fintech webinar request plans, writes and enrols the fintech audience",
      ["campaign-planner", "content-creation", "campaign-execution"],
      event("campaign_requested", "campaign", "c-fintech", { goal: "fintech webinar" }, "marketing-strategy"),
      {
        route: [{ mode: "exact", agents: ["campaign-planner", "content-creation", "campaign-execution"] }],
        decisions: {
          match: "contains",
          decisions: [
            { actionType: "create_campaign", decision: "allow" },
            { actionType: "enrol_in_campaign", contactEmail: "lucius.ops@wayne.com", decision: "allow" },
            { actionType: "enrol_in_campaign", contactEmail: "sol.buyer@soylent.com", decision: "allow" },
          ],
        },
      },
    ),
    c(
      "cr-fintech-excludes-globex",
      "The fintech audience leaves out Globex, which BD owns: exactly three enrolments",
      ["campaign-planner", "campaign-execution"],
      event("campaign_requested", "campaign", "c-fintech", { goal: "fintech webinar" }, "marketing-strategy"),
      {
        route: [{ mode: "must-visit", agents: ["campaign-planner", "campaign-execution"] }],
        decisions: {
          match: "exact",
          decisions: [
            { actionType: "create_campaign", decision: "allow" },
            { actionType: "enrol_in_campaign", contactEmail: "sol.buyer@soylent.com", decision: "allow" },
            { actionType: "enrol_in_campaign", contactEmail: "bruce.ceo@wayne.com", decision: "allow" },
            { actionType: "enrol_in_campaign", contactEmail: "lucius.ops@wayne.com", decision: "allow" },
          ],
        },
        executedEffects: 4,
      },
      { tags: ["open_opportunity"] },
    ),
    c(
      "cr-saas-caps",
      "A SaaS campaign enrols Acme and defers Hooli contacts under the contact and account caps",
      ["campaign-planner", "campaign-execution"],
      event("campaign_requested", "campaign", "c-saas", { goal: "pipeline from SaaS" }, "marketing-strategy"),
      {
        route: [{ mode: "in-order", agents: ["campaign-planner", "content-creation", "campaign-execution"] }],
        decisions: {
          match: "contains",
          decisions: [
            { actionType: "enrol_in_campaign", contactEmail: "ana.lopez@acme.com", decision: "allow" },
            {
              actionType: "enrol_in_campaign",
              contactEmail: "holly.dev@hooli.com",
              decision: "defer",
              rule: "cap_contact",
            },
            {
              actionType: "enrol_in_campaign",
              contactEmail: "erlich@hooli.com",
              decision: "defer",
              rule: "cap_account",
            },
          ],
        },
      },
      { tags: ["cap_contact", "cap_account"] },
    ),
    c(
      "cr-healthcare-all-bd-owned",
      "A healthcare campaign plans nothing when every healthcare account is BD's",
      ["campaign-planner"],
      event(
        "campaign_requested",
        "campaign",
        "c-health",
        { goal: "pipeline from healthcare" },
        "marketing-strategy",
      ),
      {
        route: [{ mode: "exact", agents: ["campaign-planner"] }],
        toolCalls: {
          order: "superset",
          calls: [{ tool: "campaign_build_audience", args: { industry: "Healthcare" } }],
        },
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
      { tags: ["active_sequence"] },
    ),
    c(
      "cr-manufacturing-skips-objections",
      "A manufacturing nurture skips Stark (suppressed) and Otto (objection)",
      ["campaign-planner", "campaign-execution"],
      event(
        "campaign_requested",
        "campaign",
        "c-man",
        { goal: "manufacturing nurture" },
        "marketing-strategy",
      ),
      {
        route: [{ mode: "in-order", agents: ["campaign-planner", "campaign-execution"] }],
        decisions: {
          match: "contains",
          decisions: [
            { actionType: "enrol_in_campaign", contactEmail: "ivan.ops@initech.com", decision: "allow" },
          ],
        },
        executedEffects: 3,
      },
      { tags: ["suppression"] },
    ),
    // content_requested → content-creation, which writes but never sends
    c(
      "cq-acme-case-study",
      "A case-study request for Acme renders one draft per reachable persona and sends nothing",
      ["content-creation"],
      event("content_requested", "account", "acme.com", { format: "case study" }, "marketing-strategy"),
      {
        route: [{ mode: "exact", agents: ["content-creation"] }],
        toolCalls: {
          order: "exact",
          calls: [
            { tool: "campaign_audience_contacts", args: { accountDomains: ["acme.com"] }, argMode: "exact" },
            {
              tool: "content_render",
              args: { templateId: "case-study-email", contactEmail: "carl.cfo@acme.com" },
            },
            {
              tool: "content_render",
              args: { templateId: "case-study-email", contactEmail: "ana.lopez@acme.com" },
            },
          ],
        },
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
    ),
    c(
      "cq-initech-post",
      "A LinkedIn post request uses the post template",
      ["content-creation"],
      event("content_requested", "account", "initech.com", { format: "linkedin post" }, "marketing-strategy"),
      {
        route: [{ mode: "exact", agents: ["content-creation"] }],
        toolCalls: {
          order: "superset",
          calls: [{ tool: "content_render", args: { templateId: "linkedin-post" } }],
        },
        executedEffects: 0,
      },
    ),
  ];
}
