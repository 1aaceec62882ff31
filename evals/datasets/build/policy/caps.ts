import { event, qualified } from "../shared.ts";
import {
  acme,
  acmeContacts,
  CE,
  enrolSpring,
  LE,
  only,
  type Policy,
  p,
  rows,
  spring,
  stop,
} from "./common.ts";

/** Policy cases for the contact, account and agent caps over rolling windows. */
export function capCases(): Policy[] {
  return [
    // Caps per contact, account and agent, over rolling windows.
    p(
      "cap-holly",
      "A contact touched yesterday is not touched again",
      [LE],
      ["cap_contact"],
      qualified("holly.dev@hooli.com"),
      stop("holly.dev@hooli.com", "defer", "cap_contact"),
    ),
    p(
      "cap-jared",
      "A contact touched two days ago is not touched again",
      [LE],
      ["cap_contact"],
      qualified("jared.ops@hooli.com"),
      {
        fixture: rows({
          leads: [{ id: "lead-jared", contact_email: "jared.ops@hooli.com", account_domain: "hooli.com" }],
        }),
        ...stop("jared.ops@hooli.com", "defer", "cap_contact"),
      },
    ),
    p(
      "cap-contact-30d",
      "Three touches in 30 days reach the monthly contact cap",
      [LE],
      ["cap_contact"],
      qualified("ana.lopez@acme.com"),
      {
        fixture: rows({
          touches: [
            {
              id: "t-a1",
              contact_email: "ana.lopez@acme.com",
              account_domain: "acme.com",
              occurred_at: "-4d",
            },
            {
              id: "t-a2",
              contact_email: "ana.lopez@acme.com",
              account_domain: "acme.com",
              occurred_at: "-11d",
            },
            {
              id: "t-a3",
              contact_email: "ana.lopez@acme.com",
              account_domain: "acme.com",
              occurred_at: "-29d",
            },
          ],
        }),
        ...stop("ana.lopez@acme.com", "defer", "cap_contact"),
      },
    ),
    p(
      "cap-erlich-account",
      "A new contact at an account touched five times this week waits",
      [LE],
      ["cap_account"],
      qualified("erlich@hooli.com"),
      stop("erlich@hooli.com", "defer", "cap_account"),
    ),
    p(
      "cap-gavin-account",
      "The CEO of an account at its weekly cap is not touched, approval or not",
      [LE],
      ["cap_account"],
      qualified("gavin.ceo@hooli.com"),
      {
        fixture: rows({
          leads: [{ id: "lead-gavin", contact_email: "gavin.ceo@hooli.com", account_domain: "hooli.com" }],
        }),
        ...stop("gavin.ceo@hooli.com", "defer", "cap_account"),
      },
    ),
    p(
      "cap-account-tight",
      "A tighter account cap (1 a week) already used stops a second contact",
      [LE],
      ["cap_account"],
      qualified("tina.tech@acme.com"),
      {
        conflictPolicy: { caps: { perAccount: [{ windowMs: 7 * 86_400_000, max: 1 }] } },
        fixture: rows({
          touches: [
            {
              id: "t-acme-1",
              contact_email: "carl.cfo@acme.com",
              account_domain: "acme.com",
              occurred_at: "-2d",
            },
          ],
        }),
        ...stop("tina.tech@acme.com", "defer", "cap_account"),
      },
    ),
    p(
      "cap-enrol-account",
      "Enrolment into an account at its weekly cap waits",
      [CE],
      ["cap_account"],
      enrolSpring,
      {
        fixture: only({
          accounts: [{ domain: "hooli.com", name: "Hooli", industry: "SaaS", employees: 1200 }],
          contacts: [
            {
              email: "erlich@hooli.com",
              first_name: "Erlich",
              title: "Marketing Manager",
              account_domain: "hooli.com",
            },
          ],
          campaigns: spring,
          touches: [1, 2, 3, 4, 5].map((n) => ({
            id: `t-h${n}`,
            contact_email: `p${n}@hooli.com`,
            account_domain: "hooli.com",
            occurred_at: `-${n}d`,
          })),
        }),
        ...stop("erlich@hooli.com", "defer", "cap_account"),
      },
    ),
    p(
      "cap-agent-lead-engagement",
      "The per-agent daily cap, once used, stops lead engagement",
      [LE],
      ["cap_agent"],
      qualified("ana.lopez@acme.com"),
      {
        conflictPolicy: { caps: { perAgent: [{ windowMs: 86_400_000, max: 2 }] } },
        fixture: rows({
          touches: [
            {
              id: "le-1",
              contact_email: "ivan.ops@initech.com",
              account_domain: "initech.com",
              agent: LE,
              cluster: "bd",
              occurred_at: "-2h",
            },
            {
              id: "le-2",
              contact_email: "alice.it@umbrella.com",
              account_domain: "umbrella.com",
              agent: LE,
              cluster: "bd",
              occurred_at: "-20h",
            },
          ],
        }),
        ...stop("ana.lopez@acme.com", "defer", "cap_agent"),
      },
    ),
    p(
      "cap-agent-campaign-execution",
      "The per-agent daily cap stops a whole enrolment",
      [CE],
      ["cap_agent"],
      enrolSpring,
      {
        conflictPolicy: { caps: { perAgent: [{ windowMs: 86_400_000, max: 1 }] } },
        fixture: only({
          accounts: [acme],
          contacts: acmeContacts,
          campaigns: spring,
          touches: [
            {
              id: "ce-1",
              contact_email: "x@other.com",
              account_domain: "other.com",
              agent: CE,
              cluster: "marketing",
              occurred_at: "-3h",
            },
          ],
        }),
        ...stop("ana.lopez@acme.com", "defer", "cap_agent"),
      },
    ),
    p(
      "cap-agent-deal-closer",
      "The per-agent cap applies to the deal closer too",
      ["deal-closer"],
      ["cap_agent"],
      event("deal_stale", "opportunity", "opp-vandelay-1", {}, "scheduler"),
      {
        conflictPolicy: { caps: { perAgent: [{ windowMs: 86_400_000, max: 1 }] } },
        fixture: rows({
          touches: [
            {
              id: "dc-1",
              contact_email: "bea.buyer@globex.com",
              account_domain: "globex.com",
              agent: "deal-closer",
              cluster: "bd",
              occurred_at: "-1h",
            },
          ],
        }),
        ...stop("kramer.buyer@vandelay.com", "defer", "cap_agent"),
      },
    ),
  ];
}
