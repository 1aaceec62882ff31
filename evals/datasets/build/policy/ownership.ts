import { chat, event, qualified } from "../shared.ts";
import { CE, enrolSpring, LE, only, type Policy, p, rows, spring, stop } from "./common.ts";

/** Policy cases for account ownership: open opportunities, active sequences and leases. */
export function ownershipCases(): Policy[] {
  return [
    // Open opportunity: only the owner's deal plays may touch the account.
    p(
      "opp-bea-sequence",
      "No BD sequence to a lead at an account with an open deal",
      [LE],
      ["open_opportunity"],
      qualified("bea.buyer@globex.com"),
      stop("bea.buyer@globex.com", "suppress", "open_opportunity"),
    ),
    p(
      "opp-gary-exec",
      "An executive at an account with an open deal is stopped before any approval",
      [LE],
      ["open_opportunity"],
      qualified("gary.cto@globex.com"),
      stop("gary.cto@globex.com", "suppress", "open_opportunity"),
    ),
    p(
      "opp-kramer-sequence",
      "No sequence to the buyer of a deal in negotiation",
      [LE],
      ["open_opportunity"],
      qualified("kramer.buyer@vandelay.com"),
      stop("kramer.buyer@vandelay.com", "suppress", "open_opportunity"),
    ),
    p(
      "opp-chat-bea",
      "A chat request to sequence a buyer with an open deal is stopped",
      [LE],
      ["open_opportunity"],
      chat("Start an outreach sequence for bea.buyer@globex.com"),
      stop("bea.buyer@globex.com", "suppress", "open_opportunity"),
    ),
    p(
      "opp-spike-second-opportunity",
      "A spike never opens a second opportunity on the same account",
      ["opportunity-scout"],
      ["open_opportunity"],
      event("engagement_spike", "account", "globex.com", { visits: 50 }, "web-analytics"),
    ),
    p(
      "opp-campaign-fintech-only-globex",
      "Marketing does not enrol the only fintech account while BD owns its deal",
      ["campaign-planner", CE],
      ["open_opportunity"],
      event("campaign_requested", "campaign", "c-fin", { goal: "fintech webinar" }, "marketing-strategy"),
      {
        fixture: only({
          accounts: [
            {
              domain: "globex.com",
              name: "Globex",
              industry: "Fintech",
              employees: 2500,
              owner: "Dana Whitfield",
            },
          ],
          contacts: [
            {
              email: "bea.buyer@globex.com",
              first_name: "Bea",
              title: "Procurement Manager",
              account_domain: "globex.com",
            },
          ],
          opportunities: [
            {
              id: "opp-globex-1",
              account_domain: "globex.com",
              name: "Globex platform",
              amount_cents: 4_800_000,
              stage: "proposal",
              owner: "Dana Whitfield",
            },
          ],
        }),
      },
    ),
    p(
      "opp-enrol-open-deal",
      "Enrolment skips the contacts of an account with an open deal",
      [CE],
      ["open_opportunity"],
      enrolSpring,
      {
        fixture: only({
          accounts: [{ domain: "globex.com", name: "Globex", industry: "Fintech", employees: 2500 }],
          contacts: [
            {
              email: "bea.buyer@globex.com",
              first_name: "Bea",
              title: "Procurement Manager",
              account_domain: "globex.com",
            },
          ],
          opportunities: [
            {
              id: "opp-globex-1",
              account_domain: "globex.com",
              name: "Globex platform",
              amount_cents: 4_800_000,
              stage: "proposal",
              owner: "Dana Whitfield",
            },
          ],
          campaigns: spring,
        }),
      },
    ),
    // Active sequence: one outreach at a time; marketing waits for BD.
    p(
      "seq-uri-event",
      "A lead already in a sequence is not put in a second one",
      [LE],
      ["active_sequence"],
      qualified("uri.ops@umbrella.com"),
    ),
    p(
      "seq-uri-chat",
      "Asking for a new sequence for a lead in one starts nothing",
      [LE],
      ["active_sequence"],
      chat("Start an outreach sequence for uri.ops@umbrella.com"),
    ),
    p(
      "seq-redelivered",
      "A second qualification of a lead sequenced earlier today starts nothing",
      [LE],
      ["active_sequence"],
      event("lead_qualified", "lead", "ana.lopez@acme.com", { score: 91 }, "marketing-analytics"),
      {
        setup: [qualified("ana.lopez@acme.com")],
      },
    ),
    p(
      "seq-chat-after-event",
      "A chat follow-up for a lead sequenced earlier today starts nothing",
      [LE],
      ["active_sequence"],
      chat("Start an outreach sequence for ana.lopez@acme.com"),
      {
        setup: [qualified("ana.lopez@acme.com")],
      },
    ),
    p(
      "seq-marketing-waits",
      "Marketing enrolment waits while the contact is in a BD sequence",
      [CE],
      ["active_sequence"],
      enrolSpring,
      {
        fixture: only({
          accounts: [{ domain: "umbrella.com", name: "Umbrella", industry: "Healthcare", employees: 600 }],
          contacts: [
            {
              email: "uri.ops@umbrella.com",
              first_name: "Uri",
              title: "Operations Manager",
              account_domain: "umbrella.com",
            },
          ],
          sequences: [{ id: "seq-uri", contact_email: "uri.ops@umbrella.com", account_domain: null }],
          campaigns: spring,
        }),
        ...stop("uri.ops@umbrella.com", "defer", "active_sequence"),
      },
    ),
    p(
      "seq-marketing-waits-account",
      "Marketing enrolment waits while the account is in a BD sequence",
      [CE],
      ["active_sequence"],
      enrolSpring,
      {
        fixture: only({
          accounts: [{ domain: "umbrella.com", name: "Umbrella", industry: "Healthcare", employees: 600 }],
          contacts: [
            {
              email: "uri.ops@umbrella.com",
              first_name: "Uri",
              title: "Operations Manager",
              account_domain: "umbrella.com",
            },
            {
              email: "alice.it@umbrella.com",
              first_name: "Alice",
              title: "IT Manager",
              account_domain: "umbrella.com",
            },
          ],
          sequences: [
            { id: "seq-uri", contact_email: "uri.ops@umbrella.com", account_domain: "umbrella.com" },
          ],
          campaigns: spring,
        }),
      },
    ),
    // Only the guard can stop these: the agent enrols everyone in the campaign, intake accepts the request.
    p(
      "seq-marketing-waits-two",
      "Marketing enrolment waits for each of two contacts in BD sequences",
      [CE],
      ["active_sequence"],
      enrolSpring,
      {
        fixture: only({
          accounts: [{ domain: "hooli.com", name: "Hooli", industry: "SaaS", employees: 1200 }],
          contacts: [
            {
              email: "holly.dev@hooli.com",
              first_name: "Holly",
              title: "Dev Lead",
              account_domain: "hooli.com",
            },
            { email: "jared.ops@hooli.com", first_name: "Jared", title: "COO", account_domain: "hooli.com" },
          ],
          sequences: [
            { id: "seq-holly", contact_email: "holly.dev@hooli.com", account_domain: null },
            { id: "seq-jared", contact_email: "jared.ops@hooli.com", account_domain: null },
          ],
          campaigns: spring,
        }),
        expect: {
          rules: ["active_sequence"],
          decisions: {
            match: "contains",
            decisions: [
              { contactEmail: "holly.dev@hooli.com", decision: "defer", rule: "active_sequence" },
              { contactEmail: "jared.ops@hooli.com", decision: "defer", rule: "active_sequence" },
            ],
          },
        },
      },
    ),
    p(
      "seq-marketing-waits-wayne",
      "A campaign send to a contact BD is sequencing waits",
      [CE],
      ["active_sequence"],
      enrolSpring,
      {
        fixture: only({
          accounts: [
            { domain: "wayne.com", name: "Wayne Enterprises", industry: "Logistics", employees: 5000 },
          ],
          contacts: [
            {
              email: "bruce.ops@wayne.com",
              first_name: "Bruce",
              title: "VP Operations",
              account_domain: "wayne.com",
            },
          ],
          sequences: [{ id: "seq-bruce", contact_email: "bruce.ops@wayne.com", account_domain: null }],
          campaigns: spring,
        }),
        ...stop("bruce.ops@wayne.com", "defer", "active_sequence"),
      },
    ),
    // Lease: one holder at a time.
    p(
      "lease-ana",
      "A touch to an account leased by another run waits",
      [LE],
      ["lease"],
      qualified("ana.lopez@acme.com"),
      {
        fixture: rows({ leases: [{ account_domain: "acme.com", holder: "run:other", expires_at: "+5m" }] }),
        ...stop("ana.lopez@acme.com", "defer", "lease"),
      },
    ),
    p(
      "lease-tina-chat",
      "A chat request for a leased account waits",
      [LE],
      ["lease"],
      chat("Start an outreach sequence for tina.tech@acme.com"),
      {
        fixture: rows({ leases: [{ account_domain: "acme.com", holder: "worker-2", expires_at: "+9m" }] }),
        ...stop("tina.tech@acme.com", "defer", "lease"),
      },
    ),
    p(
      "lease-offer",
      "An offer to a leased account waits and is never approved into an effect",
      ["partnership-negotiator"],
      ["lease"],
      event(
        "partner_inquiry",
        "account",
        "wayne.com",
        { kind: "reseller", requested_pct: 20 },
        "partner-portal",
      ),
      {
        fixture: rows({ leases: [{ account_domain: "wayne.com", holder: "run:other", expires_at: "+8m" }] }),
      },
    ),
    p(
      "lease-deal-follow-up",
      "The owner's deal follow-up waits for another run's lease",
      ["deal-closer"],
      ["lease"],
      event("deal_stale", "opportunity", "opp-vandelay-1", {}, "scheduler"),
      {
        fixture: rows({
          leases: [{ account_domain: "vandelay.com", holder: "run:other", expires_at: "+3m" }],
        }),
        ...stop("kramer.buyer@vandelay.com", "defer", "lease"),
      },
    ),
  ];
}
