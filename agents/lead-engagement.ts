import type { ProposedActionInput } from "../domain/actions.ts";
import { ToolError } from "../domain/errors.ts";
import { crmAccountContacts } from "../tools/crm/account-contacts.ts";
import { crmLeadContext } from "../tools/crm/lead-context.ts";
import { outreachDraftSequence } from "../tools/outreach/draft-sequence.ts";
import { type AgentKit, type AgentResult, defineAgent } from "./agent.ts";
import { type OutreachArtefact, OutreachArtefact as OutreachSchema } from "./bd/artefacts.ts";
import { emailIn, roleMatcher } from "./bd/request.ts";
import { eventOf, slug, ymd } from "./marketing/request.ts";
import { accountReferences, asksForFollowUp } from "./request/references.ts";

type Result = AgentResult<OutreachArtefact>;
type Step = NonNullable<OutreachArtefact["sequence"]>["steps"][number];

const NOTHING = { lead: null, context: null, sequence: null, existingSequence: null } as const;

/** The id of the sequence a lead starts today: stable for one contact and day, so a redelivery maps to it. */
export function sequenceIdFor(email: string, now: Date): string {
  return `seq-${slug(email)}-${ymd(now)}`;
}

/**
 * Builds a four-step outreach sequence for a qualified lead from the BD templates and its account context, and
 * proposes step 1 as a `send_touch` (play "sequence"); later steps are described in the artefact.
 * It leaves suppression, open opportunities, leases and caps to the conflict guard, which records why it stops
 * a touch. It proposes nothing when: the address is not in the CRM; the lead is a free-mail address with no
 * account (BD sequences are account-based: such leads stay in marketing nurture); or the lead is already in an
 * active BD sequence (a second would repeat outreach; the artefact names the running one).
 */
export const leadEngagement = defineAgent({
  id: "lead-engagement",
  cluster: "bd",
  title: "Lead engagement",
  description:
    "Works qualified leads handed over by marketing: builds a personal outreach sequence (intro email, proof " +
    "follow-up, LinkedIn note, break-up email) from templates and the account's context, and proposes the first " +
    "touch of the sequence.",
  examples: [
    "Draft a follow-up to Acme's CFO",
    "Start an outreach sequence for ana@acme.com",
    "Reach out to the new qualified lead at globex.com",
    "Write an intro email cadence for the lead from Umbrella",
    "Engage the leads marketing just qualified",
  ],
  reads: [],
  tools: [crmLeadContext, crmAccountContacts, outreachDraftSequence],
  artefact: OutreachSchema,
  async playbook(input, kit) {
    const qualified = eventOf(input.request, "lead_qualified", "lead_created");
    const email =
      (qualified && (qualified.entity_type === "lead" || qualified.entity_type === "contact")
        ? qualified.entity_id
        : undefined) ??
      (input.request.kind === "chat" ? await contactFromChat(kit, input.request.text) : undefined);
    if (!email)
      return refuse(
        "No lead named: give an email (ana@acme.com) or an account and role (Acme's CFO).",
        "No outreach: I could not tell which lead to work on; name an email, or an account and a role.",
      );
    const followUp = input.request.kind === "chat" && asksForFollowUp(input.request.text);
    return engage(kit, email, input.now, followUp);
  },
});

/** The contact a chat request points at: an email, else the best match for an account and role. */
async function contactFromChat(kit: AgentKit, text: string): Promise<string | undefined> {
  const email = emailIn(text);
  if (email) return email;
  const role = roleMatcher(text);
  for (const account of accountReferences(text)) {
    const { contacts } = await kit.use(crmAccountContacts, { account });
    const reachable = contacts.filter((c) => c.reachable);
    const pick = role ? reachable.find((c) => role(c.crm.title)) : reachable[0];
    if (pick) return pick.email;
  }
  return undefined;
}

async function engage(kit: AgentKit, email: string, now: Date, followUp = false): Promise<Result> {
  let lead: Awaited<ReturnType<typeof crmLeadContext.run>>;
  try {
    lead = await kit.use(crmLeadContext, { email });
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return refuse(error.message, `No outreach to ${email}: ${error.message}`);
  }
  if (!lead.found)
    return refuse(`${lead.email} is not in the CRM.`, `No outreach: ${lead.email} is not in the CRM.`);

  const artefactLead: OutreachArtefact["lead"] = {
    email: lead.email,
    accountDomain: lead.accountDomain,
    persona: lead.persona,
    fit: lead.lead?.fit ?? null,
    engagement: lead.lead?.engagement ?? null,
    crm: { title: lead.crm.title, accountName: lead.crm.accountName },
  };
  const flags = Object.entries(lead.flags).flatMap(([k, on]) => (on ? [k] : []));
  const context: OutreachArtefact["context"] = {
    openOpportunities: lead.openOpportunities.map((o) => ({ id: o.id, stage: o.stage })),
    daysSinceTouch: lead.daysSinceTouch,
    suppressedFlags: flags,
  };
  const base = { ...NOTHING, lead: artefactLead, context };
  if (lead.accountDomain === null) {
    const why = lead.freeMail
      ? `${lead.email} is a free-mail address with no account; BD sequences are account-based, so the lead stays in marketing nurture.`
      : `${lead.email} has no account in the CRM; link it to an account before BD outreach.`;
    return { artefact: { ...base, refusal: why }, summary: `No outreach: ${why}`, proposals: [] };
  }
  const running = lead.activeSequences[0];
  if (running) {
    const why = `${lead.email} is already in active BD sequence ${running.id} (since ${running.startedAt.slice(0, 10)}); a second would repeat outreach.`;
    return {
      artefact: { ...base, existingSequence: { id: running.id, startedAt: running.startedAt }, refusal: why },
      summary: `No new outreach: ${why}`,
      proposals: [],
    };
  }

  const drafted = await kit.use(outreachDraftSequence, { contactEmail: lead.email });
  const id = sequenceIdFor(lead.email, now);
  // A follow-up to someone already touched continues with the follow-up step, never a second intro.
  const touched = lead.daysSinceTouch !== null;
  const startStep = followUp && touched ? 2 : 1;
  const warnings = drafted.warnings.map((w) => ({ ...w, target: lead.email }));
  const steps: Step[] = drafted.steps.map((s) => ({
    step: s.step,
    dayOffset: s.dayOffset,
    dueAt: s.dueAt,
    status:
      s.draft === null
        ? ("unfilled" as const)
        : s.step === startStep
          ? ("proposed" as const)
          : ("planned" as const),
    channel: s.draft?.channel ?? null,
    templateId: s.draft?.templateId ?? null,
    subject: s.draft?.subject ?? null,
    body: s.draft?.body ?? null,
    contentHash: s.draft?.contentHash ?? null,
    refusal: s.refusal,
  }));
  const opening = drafted.steps.find((s) => s.step === startStep);
  const first = opening?.draft;
  if (!first) {
    const why = `step ${startStep} could not be written from the CRM: ${opening?.refusal ?? "no template"}`;
    return {
      artefact: { ...base, sequence: { id, steps }, refusal: why, warnings },
      summary: `No outreach to ${lead.email}: ${why}`,
      proposals: [],
    };
  }
  const scores = [
    artefactLead.fit !== null ? `fit ${artefactLead.fit}` : null,
    artefactLead.engagement !== null ? `engagement ${artefactLead.engagement}` : null,
  ].filter(Boolean);
  const proposal: ProposedActionInput = {
    type: "send_touch",
    contactEmail: lead.email,
    accountDomain: lead.accountDomain,
    channel: first.channel,
    play: "sequence",
    templateId: first.templateId,
    subject: first.subject,
    body: first.body,
    sequenceId: id,
    step: startStep,
    rationale:
      (startStep > 1
        ? `Follow-up: ${lead.email} was last touched ${lead.daysSinceTouch} day(s) ago, so this is step ${startStep} (${first.templateId}), not an intro. `
        : "") +
      `Step ${startStep} of a ${steps.length}-step sequence for a qualified ${lead.persona} lead at ${lead.accountDomain}` +
      `${scores.length ? ` (${scores.join(", ")})` : ""}; later steps on days ${steps
        .filter((s) => s.step > startStep)
        .map((s) => s.dayOffset)
        .join(", ")}.`,
  };
  const planned = steps.filter((s) => s.status === "planned" && s.step > startStep).length;
  return {
    artefact: { ...base, sequence: { id, steps }, refusal: null, warnings },
    summary:
      `Built sequence ${id} for ${lead.email} (${lead.persona} at ${lead.accountDomain}): step ${startStep} ${first.channel} ` +
      `"${first.templateId}" proposed now, ${planned} later step(s) planned.` +
      `${flags.length ? ` Note: contact flagged ${flags.join(", ")}; the guard decides.` : ""}` +
      `${warnings.length ? ` ${warnings.length} CRM field(s) kept out of the drafts as unsafe.` : ""}`,
    proposals: [proposal],
  };
}

function refuse(refusal: string, summary: string): Result {
  return { artefact: { ...NOTHING, refusal }, summary, proposals: [] };
}
