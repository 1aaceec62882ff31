import { event } from "../shared.ts";
import { c, type Trajectory } from "./common.ts";

/** Trajectory cases for partner inquiries, whose offers always wait for a person. */
export function partnerCases(): Trajectory[] {
  return [
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
  ];
}
