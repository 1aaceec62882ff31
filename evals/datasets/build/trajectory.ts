import type { AgentId } from "../../../domain/agents.ts";
import type { EvalCaseInput } from "../../schema.ts";
import { event, play, qualified } from "./shared.ts";

type Trajectory = Extract<EvalCaseInput, { suite: "trajectory" }>;
type Expect = Trajectory["expect"];

function c(
  id: string,
  description: string,
  agents: AgentId[],
  request: Trajectory["request"],
  expect: Expect,
  extra: Partial<Trajectory> = {},
): Trajectory {
  return { suite: "trajectory", id, description, agents, request, expect, ...extra };
}

const LE: AgentId = "lead-engagement";
const leTools = (email: string) => ({
  order: "exact" as const,
  calls: [
    { agent: LE, tool: "crm_lead_context", args: { email }, argMode: "exact" as const },
    { agent: LE, tool: "outreach_draft_sequence", args: { contactEmail: email } },
  ],
});
const touch = (
  email: string,
  decision: "allow" | "defer" | "suppress",
  rule: string | null,
  approval?: "not_needed" | "required",
) => ({
  actionType: "send_touch",
  contactEmail: email,
  decision,
  rule,
  ...(approval ? { approval } : {}),
});

/** The event-trajectory suite: an event or play, and its expected route, tool calls and guard decisions. */
export function trajectoryCases(): Trajectory[] {
  return [
    // lead_qualified → lead-engagement: one sequence, step 1 proposed, the guard decides.
    c(
      "lq-ana-allowed",
      "A qualified manager with no conflicts gets step 1 of a sequence, sent once",
      [LE],
      qualified("ana.lopez@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        toolCalls: leTools("ana.lopez@acme.com"),
        decisions: { match: "exact", decisions: [touch("ana.lopez@acme.com", "allow", null, "not_needed")] },
        executedEffects: 1,
      },
    ),
    c(
      "lq-tina-allowed",
      "A director is not an executive: no approval needed",
      [LE],
      qualified("tina.tech@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        toolCalls: leTools("tina.tech@acme.com"),
        decisions: { match: "exact", decisions: [touch("tina.tech@acme.com", "allow", null, "not_needed")] },
        executedEffects: 1,
      },
    ),
    c(
      "lq-carl-cfo-approval",
      "A first touch to a CFO stops for approval and sends nothing yet",
      [LE],
      qualified("carl.cfo@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("carl.cfo@acme.com", "allow", null, "required")] },
        executedEffects: 0,
      },
    ),
    c(
      "lq-bruce-ceo-approval",
      "A first touch to a CEO stops for approval",
      [LE],
      qualified("bruce.ceo@wayne.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        toolCalls: leTools("bruce.ceo@wayne.com"),
        decisions: { match: "exact", decisions: [touch("bruce.ceo@wayne.com", "allow", null, "required")] },
        executedEffects: 0,
      },
    ),
    c(
      "lq-peter-expired-suppression",
      "An expired objection no longer suppresses",
      [LE],
      qualified("peter.gibbons@initech.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("peter.gibbons@initech.com", "allow", null)] },
        executedEffects: 1,
      },
      { tags: ["suppression"] },
    ),
    c(
      "lq-alice-bd-sequence-on-account",
      "BD's own sequence on the account does not block another BD sequence to a new contact",
      [LE],
      qualified("alice.it@umbrella.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("alice.it@umbrella.com", "allow", null)] },
        executedEffects: 1,
      },
      { tags: ["active_sequence"] },
    ),
    c(
      "lq-uri-in-sequence",
      "A lead already in an active sequence gets no second one (agent refuses, nothing to decide)",
      [LE],
      qualified("uri.ops@umbrella.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        toolCalls: {
          order: "exact",
          calls: [{ tool: "crm_lead_context", args: { email: "uri.ops@umbrella.com" } }],
        },
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
      { tags: ["active_sequence"] },
    ),
    c(
      "lq-fred-free-mail",
      "A free-mail lead with no account stays in nurture: no BD touch",
      [LE],
      qualified("fred.free@gmail.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
    ),
    c(
      "lq-unknown-lead",
      "A lead not in the CRM is refused, not guessed",
      [LE],
      qualified("nobody@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [] },
        executedEffects: 0,
      },
    ),
    c(
      "lq-uma-unsubscribed",
      "An unsubscribed lead is suppressed by the guard",
      [LE],
      qualified("uma.unsub@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("uma.unsub@acme.com", "suppress", "suppression")] },
        executedEffects: 0,
      },
      { tags: ["suppression"] },
    ),
    c(
      "lq-bob-bounced",
      "A bounced address is suppressed",
      [LE],
      qualified("bob.bounce@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("bob.bounce@acme.com", "suppress", "suppression")] },
        executedEffects: 0,
      },
      { tags: ["suppression"] },
    ),
    c(
      "lq-bea-open-opportunity",
      "A lead at an account with an open opportunity is dropped for BD sequences",
      [LE],
      qualified("bea.buyer@globex.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: {
          match: "exact",
          decisions: [touch("bea.buyer@globex.com", "suppress", "open_opportunity")],
        },
        executedEffects: 0,
      },
      { tags: ["open_opportunity"] },
    ),
    c(
      "lq-holly-cap-contact",
      "A contact touched yesterday waits out the 1-per-3-days cap",
      [LE],
      qualified("holly.dev@hooli.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("holly.dev@hooli.com", "defer", "cap_contact")] },
        executedEffects: 0,
      },
      { tags: ["cap_contact"] },
    ),
    c(
      "lq-erlich-cap-account",
      "An account with five touches this week waits out the account cap",
      [LE],
      qualified("erlich@hooli.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("erlich@hooli.com", "defer", "cap_account")] },
        executedEffects: 0,
      },
      { tags: ["cap_account"] },
    ),
    c(
      "lq-ana-lease",
      "Another run holding Acme's lease defers the touch",
      [LE],
      qualified("ana.lopez@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("ana.lopez@acme.com", "defer", "lease")] },
        executedEffects: 0,
      },
      {
        tags: ["lease"],
        fixture: {
          base: "crm",
          rows: { leases: [{ account_domain: "acme.com", holder: "run:other", expires_at: "+5m" }] },
        },
      },
    ),
    c(
      "lq-ana-expired-lease",
      "An expired lease held by another run does not block",
      [LE],
      qualified("ana.lopez@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("ana.lopez@acme.com", "allow", null)] },
        executedEffects: 1,
      },
      {
        tags: ["lease"],
        fixture: {
          base: "crm",
          rows: {
            leases: [
              { account_domain: "acme.com", holder: "run:other", acquired_at: "-30m", expires_at: "-1m" },
            ],
          },
        },
      },
    ),
    c(
      "lq-ana-cap-agent",
      "A tight per-agent cap (2 a day) already used up defers the touch",
      [LE],
      qualified("ana.lopez@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("ana.lopez@acme.com", "defer", "cap_agent")] },
        executedEffects: 0,
      },
      {
        tags: ["cap_agent"],
        conflictPolicy: { caps: { perAgent: [{ windowMs: 86_400_000, max: 2 }] } },
        fixture: {
          base: "crm",
          rows: {
            touches: [
              {
                id: "le-1",
                contact_email: "ivan.ops@initech.com",
                account_domain: "initech.com",
                agent: "lead-engagement",
                cluster: "bd",
                occurred_at: "-2h",
              },
              {
                id: "le-2",
                contact_email: "alice.it@umbrella.com",
                account_domain: "umbrella.com",
                agent: "lead-engagement",
                cluster: "bd",
                occurred_at: "-20h",
              },
            ],
          },
        },
      },
    ),
    c(
      "lq-ana-cap-agent-boundary",
      "Per-agent cap window is (now − 1 day, now]: a touch exactly a day ago no longer counts",
      [LE],
      qualified("ana.lopez@acme.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("ana.lopez@acme.com", "allow", null)] },
        executedEffects: 1,
      },
      {
        tags: ["cap_agent"],
        conflictPolicy: { caps: { perAgent: [{ windowMs: 86_400_000, max: 2 }] } },
        fixture: {
          base: "crm",
          rows: {
            touches: [
              {
                id: "le-1",
                contact_email: "ivan.ops@initech.com",
                account_domain: "initech.com",
                agent: "lead-engagement",
                cluster: "bd",
                occurred_at: "-2h",
              },
              {
                id: "le-2",
                contact_email: "alice.it@umbrella.com",
                account_domain: "umbrella.com",
                agent: "lead-engagement",
                cluster: "bd",
                occurred_at: "-1d",
              },
            ],
          },
        },
      },
    ),
    c(
      "lq-ivan-contact-cap-boundary",
      "A touch exactly 3 days ago is outside the (now − 3d, now] contact window",
      [LE],
      qualified("ivan.ops@initech.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("ivan.ops@initech.com", "allow", null)] },
        executedEffects: 1,
      },
      {
        tags: ["cap_contact"],
        fixture: {
          base: "crm",
          rows: {
            touches: [
              {
                id: "t-ivan-3d",
                contact_email: "ivan.ops@initech.com",
                account_domain: "initech.com",
                agent: "deal-closer",
                cluster: "bd",
                occurred_at: "-3d",
              },
            ],
          },
        },
      },
    ),
    c(
      "lq-ivan-contact-cap-30d",
      "Three touches in 30 days reach the second contact cap",
      [LE],
      qualified("ivan.ops@initech.com"),
      {
        route: [{ mode: "exact", agents: [LE] }],
        decisions: { match: "exact", decisions: [touch("ivan.ops@initech.com", "defer", "cap_contact")] },
        executedEffects: 0,
      },
      {
        tags: ["cap_contact"],
        fixture: {
          base: "crm",
          rows: {
            touches: [
              {
                id: "t-ivan-a",
                contact_email: "ivan.ops@initech.com",
                account_domain: "initech.com",
                occurred_at: "-5d",
              },
              {
                id: "t-ivan-b",
                contact_email: "ivan.ops@initech.com",
                account_domain: "initech.com",
                occurred_at: "-12d",
              },
              {
                id: "t-ivan-c",
                contact_email: "ivan.ops@initech.com",
                account_domain: "initech.com",
                occurred_at: "-20d",
              },
            ],
          },
        },
      },
    ),
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
    // partner_inquiry → partnership-negotiator; any offer needs a person
    c(
      "pi-wayne-reseller",
      "A reseller inquiry yields an offer inside the band that waits for approval",
      ["partnership-negotiator"],
      event(
        "partner_inquiry",
        "account",
        "wayne.com",
        { kind: "reseller", requested_pct: 25 },
        "partner-portal",
      ),
      {
        route: [{ mode: "exact", agents: ["partnership-negotiator"] }],
        toolCalls: {
          order: "exact",
          calls: [{ tool: "research_account_profile", args: { domain: "wayne.com" }, argMode: "exact" }],
        },
        decisions: {
          match: "exact",
          decisions: [
            { actionType: "make_offer", target: "wayne.com", decision: "allow", approval: "required" },
          ],
        },
        executedEffects: 0,
      },
    ),
    c(
      "pi-wayne-referral-over-band",
      "A 60% referral request is clamped and still waits for approval",
      ["partnership-negotiator"],
      event(
        "partner_inquiry",
        "account",
        "wayne.com",
        { partner_type: "referral", requested_pct: 60 },
        "partner-portal",
      ),
      {
        route: [{ mode: "exact", agents: ["partnership-negotiator"] }],
        decisions: {
          match: "exact",
          decisions: [{ actionType: "make_offer", decision: "allow", approval: "required" }],
        },
        executedEffects: 0,
      },
    ),
    c(
      "pi-stark-suppressed",
      "An inquiry from a suppressed account is suppressed",
      ["partnership-negotiator"],
      event("partner_inquiry", "account", "stark.com", { kind: "reseller" }, "partner-portal"),
      {
        route: [{ mode: "exact", agents: ["partnership-negotiator"] }],
        decisions: {
          match: "exact",
          decisions: [
            { actionType: "make_offer", target: "stark.com", decision: "suppress", rule: "suppression" },
          ],
        },
        executedEffects: 0,
      },
      { tags: ["suppression"] },
    ),
    c(
      "pi-wayne-lease",
      "An offer to an account leased by another run is deferred",
      ["partnership-negotiator"],
      event(
        "partner_inquiry",
        "account",
        "wayne.com",
        { kind: "reseller", requested_pct: 20 },
        "partner-portal",
      ),
      {
        route: [{ mode: "exact", agents: ["partnership-negotiator"] }],
        decisions: {
          match: "exact",
          decisions: [{ actionType: "make_offer", decision: "defer", rule: "lease" }],
        },
        executedEffects: 0,
      },
      {
        tags: ["lease"],
        fixture: {
          base: "crm",
          rows: { leases: [{ account_domain: "wayne.com", holder: "run:other", expires_at: "+8m" }] },
        },
      },
    ),
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
