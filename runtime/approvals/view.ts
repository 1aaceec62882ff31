import type { Kysely } from "kysely";
import type { ProposedAction } from "../../domain/actions.ts";
import {
  type ApprovalAccount,
  type ApprovalGuardLine,
  type ApprovalPerson,
  type ApprovalSelection,
  approvalFacts,
} from "../../store/queries/approval-view.ts";
import type { Database } from "../../store/schema.ts";

/** How many contacts or accounts of a bulk action an approval shows as a sample. */
export const AUDIENCE_SAMPLE = 5;

/** A recipient as a person reads it: name, title and account beside the address. */
export interface RecipientView {
  email: string;
  name: string | null;
  title: string | null;
  account: { domain: string; name: string | null } | null;
}

/**
 * Everything a person needs to decide one approval: what goes out, to whom, on which channel, the full text,
 * the offer, the audience with a sample, who proposed it and why, why it stopped, and the guard's decisions.
 * `growth approvals --json`, chat and the HTTP service all show this one shape.
 */
export interface ApprovalView {
  id: string;
  run_id: string;
  thread_id: string;
  action_id: string;
  status: string;
  created_at: string;
  /** Who decided it and when, once decided (the API key's name, or `--by`). */
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  agent: string;
  action_type: string;
  /** Why policy stopped the action for a person. */
  approval_reason: string;
  /** Why the proposing agent wants it. */
  agent_reason: string;
  channel: string | null;
  recipient: RecipientView | null;
  subject: string | null;
  /** The full message text, never cut. */
  body: string | null;
  template_id: string | null;
  offer: {
    kind: string;
    discount_pct: number;
    terms: string;
    account: { domain: string; name: string | null };
    opportunity_id: string | null;
  } | null;
  audience: {
    kind: "contacts" | "accounts";
    size: number;
    /** Targets the guard allowed, when it decided per target. */
    allowed: number | null;
    sample: (
      | RecipientView
      | { domain: string; name: string | null; industry: string | null; country: string | null }
    )[];
  } | null;
  /** Other details of the change (a campaign's budget, a stage move, a new opportunity). */
  details: Record<string, string | number | null>;
  guard: ApprovalGuardLine[];
}

/** The approvals a selection names, each with everything a person needs to decide it; oldest first. */
export async function approvalViews(
  db: Kysely<Database>,
  selection: ApprovalSelection,
): Promise<ApprovalView[]> {
  const facts = await approvalFacts(db, selection, peopleOf, accountsOf);
  return facts.rows.map((row) => {
    const action = JSON.parse(row.action) as ProposedAction;
    return {
      id: row.id,
      run_id: row.run_id,
      thread_id: row.thread_id,
      action_id: row.action_id,
      status: row.status,
      created_at: row.created_at,
      decided_by: row.decided_by,
      decided_at: row.decided_at,
      decision_note: row.decision_note,
      agent: action.agent,
      action_type: action.type,
      approval_reason: row.reason,
      agent_reason: action.rationale,
      ...content(action, facts.people, facts.accounts, facts.guard.get(row.id) ?? []),
      guard: facts.guard.get(row.id) ?? [],
    };
  });
}

type Content = Pick<
  ApprovalView,
  "channel" | "recipient" | "subject" | "body" | "template_id" | "offer" | "audience" | "details"
>;

const NONE: Content = {
  channel: null,
  recipient: null,
  subject: null,
  body: null,
  template_id: null,
  offer: null,
  audience: null,
  details: {},
};

function content(
  action: ProposedAction,
  people: Map<string, ApprovalPerson>,
  accounts: Map<string, ApprovalAccount>,
  guard: ApprovalGuardLine[],
): Content {
  const person = (email: string): RecipientView => recipient(email, people.get(email), accounts);
  const account = (domain: string) => ({ domain, name: accounts.get(domain)?.name ?? null });
  // Only a guard that decided per target says how many of the audience it allowed (not one line for the action).
  const perTarget = guard.filter((g) => g.target !== "-");
  const allowed = perTarget.length > 0 ? perTarget.filter((g) => g.decision === "allow").length : null;
  switch (action.type) {
    case "send_touch":
      return {
        ...NONE,
        channel: action.channel,
        recipient: person(action.contactEmail),
        subject: action.subject,
        body: action.body,
        template_id: action.templateId,
        details: {
          play: action.play,
          sequence: action.sequenceId,
          step: action.step,
          campaign: action.campaignId,
        },
      };
    case "enrol_in_campaign":
      return {
        ...NONE,
        channel: action.channel,
        template_id: action.templateId,
        audience: {
          kind: "contacts",
          size: action.contacts.length,
          allowed,
          sample: action.contacts.slice(0, AUDIENCE_SAMPLE).map((c) => person(c.email)),
        },
        details: { campaign: action.campaignId },
      };
    case "make_offer":
      return {
        ...NONE,
        recipient: null,
        offer: {
          kind: action.kind,
          discount_pct: action.discountPct,
          terms: action.terms,
          account: account(action.accountDomain),
          opportunity_id: action.opportunityId,
        },
      };
    case "create_campaign":
      return {
        ...NONE,
        channel: action.channel,
        audience: {
          kind: "accounts",
          size: action.audienceDomains.length,
          allowed,
          sample: action.audienceDomains.slice(0, AUDIENCE_SAMPLE).map((d) => ({
            domain: d,
            name: accounts.get(d)?.name ?? null,
            industry: accounts.get(d)?.industry ?? null,
            country: accounts.get(d)?.country ?? null,
          })),
        },
        details: { campaign: action.campaignId, name: action.name, budget_cents: action.budgetCents },
      };
    case "create_opportunity":
      return {
        ...NONE,
        details: {
          account: action.accountDomain,
          account_name: account(action.accountDomain).name,
          name: action.name,
          amount_cents: action.amountCents,
        },
      };
    case "move_stage":
      return {
        ...NONE,
        details: { opportunity: action.opportunityId, to_stage: action.toStage, reason: action.reason },
      };
  }
}

function recipient(
  email: string,
  person: ApprovalPerson | undefined,
  accounts: Map<string, ApprovalAccount>,
): RecipientView {
  const name = [person?.firstName, person?.lastName].filter(Boolean).join(" ") || null;
  const domain = person?.accountDomain ?? null;
  return {
    email,
    name,
    title: person?.title ?? null,
    account: domain ? { domain, name: accounts.get(domain)?.name ?? null } : null,
  };
}

/** The emails of an action's recipients worth looking up: a single contact, or a bulk audience's sample. */
function peopleOf(raw: unknown): string[] {
  const action = raw as ProposedAction;
  if (action.type === "send_touch") return [action.contactEmail];
  if (action.type === "enrol_in_campaign")
    return action.contacts.slice(0, AUDIENCE_SAMPLE).map((c) => c.email);
  return [];
}

/** The account domains of an action worth looking up. */
function accountsOf(raw: unknown): string[] {
  const action = raw as ProposedAction;
  if (action.type === "make_offer" || action.type === "create_opportunity") return [action.accountDomain];
  if (action.type === "create_campaign") return action.audienceDomains.slice(0, AUDIENCE_SAMPLE);
  return [];
}
