import { qualified } from "../shared.ts";
import { c, LE, leTools, type Trajectory, touch } from "./common.ts";

/** Trajectory cases for lead_qualified: who gets a sequence, who needs approval, who is refused or suppressed. */
export function leadQualifiedCases(): Trajectory[] {
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
  ];
}
