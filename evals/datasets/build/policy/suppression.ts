import { chat, event, play, qualified } from "../shared.ts";
import { acme, CE, enrolSpring, LE, only, type Policy, p, rows, spring, stop } from "./common.ts";

/** Policy cases for suppression: every kind, by event and by chat, never contacted. */
export function suppressionCases(): Policy[] {
  const suppressed: [string, string][] = [
    ["sam.stop@acme.com", "do-not-contact"],
    ["uma.unsub@acme.com", "unsubscribed"],
    ["bob.bounce@acme.com", "bounced"],
    ["otto.obj@initech.com", "objection"],
    ["pepper.ops@stark.com", "account-suppressed"],
  ];
  return [
    // Suppression: every kind, by event and by chat.
    ...suppressed.map(([email, why]) =>
      p(
        `sup-event-${why}`,
        `A qualified lead that is ${why} is never contacted`,
        [LE],
        ["suppression"],
        qualified(email),
        stop(email, "suppress", "suppression"),
      ),
    ),
    ...suppressed.map(([email, why]) =>
      p(
        `sup-chat-${why}`,
        `Asking in chat to reach a ${why} contact sends nothing`,
        [LE],
        ["suppression"],
        chat(`Start an outreach sequence for ${email}`),
        stop(email, "suppress", "suppression"),
      ),
    ),
    p(
      "sup-uppercase-email",
      "An upper-cased address is the same suppressed contact",
      [LE],
      ["suppression"],
      qualified("SAM.STOP@ACME.COM"),
    ),
    p(
      "sup-flag-only",
      "A do-not-contact flag with no suppression row still suppresses",
      [LE],
      ["suppression"],
      qualified("quiet@initech.com"),
      {
        fixture: rows({
          contacts: [
            {
              email: "quiet@initech.com",
              first_name: "Quinn",
              title: "Buyer",
              account_domain: "initech.com",
              do_not_contact: 1,
            },
          ],
          leads: [{ id: "lead-quiet", contact_email: "quiet@initech.com", account_domain: "initech.com" }],
        }),
        ...stop("quiet@initech.com", "suppress", "suppression"),
      },
    ),
    p(
      "sup-account-until-later",
      "A time-limited account objection that has not expired suppresses",
      [LE],
      ["suppression"],
      qualified("ivan.ops@initech.com"),
      {
        fixture: rows({
          suppressions: [{ account_domain: "initech.com", reason: "objection", expires_at: "+30d" }],
        }),
        ...stop("ivan.ops@initech.com", "suppress", "suppression"),
      },
    ),
    p(
      "sup-stale-deal-account",
      "A stale deal at an account that asked us to stop gets no follow-up",
      ["deal-closer"],
      ["suppression"],
      event("deal_stale", "opportunity", "opp-vandelay-1", {}, "scheduler"),
      {
        fixture: rows({
          suppressions: [{ account_domain: "vandelay.com", reason: "objection", note: "legal hold" }],
        }),
      },
    ),
    p(
      "sup-partner-offer",
      "An offer to a suppressed account is stopped before approval",
      ["partnership-negotiator"],
      ["suppression"],
      event(
        "partner_inquiry",
        "account",
        "stark.com",
        { kind: "reseller", requested_pct: 20 },
        "partner-portal",
      ),
    ),
    p(
      "sup-enrol-all-suppressed",
      "A campaign whose whole audience is suppressed enrols nobody",
      [CE],
      ["suppression"],
      enrolSpring,
      {
        fixture: only({
          accounts: [acme],
          contacts: [
            {
              email: "sam.stop@acme.com",
              title: "Operations Manager",
              account_domain: "acme.com",
              do_not_contact: 1,
            },
            { email: "uma.unsub@acme.com", title: "Sales Ops", account_domain: "acme.com", unsubscribed: 1 },
            { email: "bob.bounce@acme.com", title: "Analyst", account_domain: "acme.com", bounced: 1 },
          ],
          suppressions: [{ contact_email: "sam.stop@acme.com", reason: "do_not_contact" }],
          campaigns: spring,
        }),
      },
    ),
    p(
      "sup-plan-manufacturing",
      "A manufacturing campaign with every manufacturer suppressed plans no sends",
      ["campaign-planner"],
      ["suppression"],
      event(
        "campaign_requested",
        "campaign",
        "c-man",
        { goal: "manufacturing nurture" },
        "marketing-strategy",
      ),
      {
        fixture: rows({ suppressions: [{ account_domain: "initech.com", reason: "objection" }] }),
      },
    ),
    p(
      "sup-scan-spiking-suppressed",
      "A market scan does not open an opportunity at a suppressed, spiking account",
      ["market-intelligence", "opportunity-scout"],
      ["suppression"],
      play("weekly-market-scan"),
      {
        fixture: rows({
          suppressions: [{ account_domain: "hooli.com", reason: "objection", note: "asked to stop" }],
        }),
      },
    ),
    p(
      "sup-lead-created-dnc",
      "Scoring a new do-not-contact lead contacts nobody",
      ["marketing-analytics"],
      ["suppression"],
      event("lead_created", "lead", "sam.stop@acme.com", {}, "web-form"),
    ),
    p(
      "sup-content-suppressed-account",
      "Writing content for a suppressed account sends nothing",
      ["content-creation"],
      ["suppression"],
      event("content_requested", "account", "stark.com", { format: "nurture email" }, "marketing-strategy"),
    ),
  ];
}
