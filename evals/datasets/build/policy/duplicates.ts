import { contentHash } from "../../../../graph/intents.ts";
import { event, play } from "../shared.ts";
import { acme, acmeContacts, CE, enrolSpring, only, type Policy, p, spring, stop } from "./common.ts";

/** Policy cases for duplicates: the same content to the same contact twice is sent once. */
export function duplicateCases(): Policy[] {
  return [
    // Duplicate: same contact, channel and content inside 14 days; keep the first.
    p(
      "dup-enrol-same-content",
      "An enrolment whose email the contact already got 5 days ago is a duplicate",
      [CE],
      ["duplicate"],
      enrolSpring,
      {
        fixture: only({
          accounts: [acme],
          contacts: [acmeContacts[0]!],
          campaigns: spring,
          touches: [
            {
              id: "t-ana-dup",
              contact_email: "ana.lopez@acme.com",
              account_domain: "acme.com",
              channel: "email",
              campaign: "c-spring-nurture",
              agent: CE,
              cluster: "marketing",
              content_hash: contentHash("nurture-email", "c-spring-nurture"),
              occurred_at: "-5d",
            },
          ],
        }),
        ...stop("ana.lopez@acme.com", "suppress", "duplicate"),
      },
    ),
    p(
      "dup-enrol-twice",
      "Kicking off the same enrolment twice sends nothing the second time",
      [CE],
      ["duplicate"],
      enrolSpring,
      {
        fixture: only({ accounts: [acme], contacts: acmeContacts, campaigns: spring }),
        setup: [enrolSpring],
        ...stop("tina.tech@acme.com", "suppress", "duplicate"),
      },
    ),
    p(
      "dup-sweep-twice",
      "A second stale-deal sweep the same day sends no follow-up again",
      ["deal-closer"],
      ["duplicate"],
      play("stale-deal-sweep"),
      {
        setup: [play("stale-deal-sweep")],
      },
    ),
    p(
      "dup-stage-event-twice",
      "The same stage change delivered twice sends one follow-up",
      ["deal-closer"],
      ["duplicate"],
      event("opportunity_stage_changed", "opportunity", "opp-globex-1", { to_stage: "negotiation" }),
      {
        setup: [
          event("opportunity_stage_changed", "opportunity", "opp-globex-1", { to_stage: "negotiation" }),
        ],
      },
    ),
  ];
}
