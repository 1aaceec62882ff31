import { qualified } from "../shared.ts";
import { c, LE, type Trajectory, touch } from "./common.ts";

/** Trajectory cases for lead_qualified under caps and leases, including their window boundaries. */
export function leadQualifiedLimitCases(): Trajectory[] {
  return [
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
  ];
}
