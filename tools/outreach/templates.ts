import { z } from "zod";

/** The Business Development templates, by id: the four sequence steps and two deal follow-ups. */
export const BD_TEMPLATE_IDS = [
  "bd-intro",
  "bd-proof",
  "bd-value",
  "bd-linkedin",
  "bd-breakup",
  "deal-follow-up",
  "deal-close-plan",
] as const;

/** One BD template id. */
export const BdTemplateId = z
  .enum(BD_TEMPLATE_IDS)
  .describe(
    "bd-*: sequence steps (proof cites a won customer, value has none); deal-follow-up: nudge an open " +
      "proposal; deal-close-plan: a mutual close plan in negotiation",
  );
export type BdTemplateId = z.infer<typeof BdTemplateId>;

/** A BD template as data: `{{placeholder}}` slots filled from CRM fields. */
export interface BdTemplate {
  readonly id: BdTemplateId;
  readonly channel: "email" | "linkedin";
  readonly subject: string;
  readonly body: string;
}

const SIGN_OFF = "\n\nBest,\nBusiness Development";

/** The BD templates; every placeholder names a CRM field or a derived fact. */
export const BD_TEMPLATES: readonly BdTemplate[] = [
  {
    id: "bd-intro",
    channel: "email",
    subject: "Quick question about {{persona.pain}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "I work with {{account.industry}} revenue teams of {{account.size_band}} employees, and most of them " +
      "tell us {{persona.pain}} is what slows them down.\n\n" +
      "Would 20 minutes next week be useful to compare notes on how {{account.name}} handles it?" +
      SIGN_OFF,
  },
  {
    id: "bd-proof",
    channel: "email",
    subject: "How {{reference.name}} handled {{persona.pain}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "{{reference.name}}, another {{account.industry}} company, worked on {{persona.pain}} with us this year. " +
      "Their situation looked a lot like {{account.name}}'s.\n\n" +
      "Happy to walk you through what they changed, if it helps." +
      SIGN_OFF,
  },
  {
    id: "bd-value",
    channel: "email",
    subject: "A note on {{persona.pain}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "A short follow-up: teams of {{account.size_band}} employees in {{account.industry}} usually find " +
      "{{persona.pain}} costs more than it looks. We have a one-page checklist for it.\n\n" +
      "Shall I send it over for the {{account.name}} team?" +
      SIGN_OFF,
  },
  {
    id: "bd-linkedin",
    channel: "linkedin",
    subject: "Connecting with {{contact.first_name}}",
    body:
      "Hi {{contact.first_name}}, I have been writing to you about {{persona.pain}} at {{account.name}}. " +
      "Would be glad to connect here as well.",
  },
  {
    id: "bd-breakup",
    channel: "email",
    subject: "Closing the loop, {{contact.first_name}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "I have not heard back, so I will assume {{persona.pain}} is not a priority for {{account.name}} right " +
      "now. If that changes, just reply to this email." +
      SIGN_OFF,
  },
  {
    id: "deal-follow-up",
    channel: "email",
    subject: "Next steps on {{opportunity.name}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "Checking in on the proposal for {{opportunity.name}}. Are there open questions on scope or pricing " +
      "I can answer, or someone else at {{account.name}} who should see it?\n\n" +
      "Happy to set up 20 minutes this week." +
      SIGN_OFF,
  },
  {
    id: "deal-close-plan",
    channel: "email",
    subject: "A close plan for {{opportunity.name}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "To keep {{opportunity.name}} on track, I drafted a short mutual close plan: the remaining steps on both " +
      "sides, who owns each, and the dates {{account.name}} needs.\n\n" +
      "Could we review it together this week?" +
      SIGN_OFF,
  },
];

/** The template with this id; the id type makes a miss impossible. */
export function bdTemplate(id: BdTemplateId): BdTemplate {
  return BD_TEMPLATES.find((t) => t.id === id)!;
}

/** One planned step of a BD outreach sequence. */
export interface SequenceStep {
  readonly step: number;
  /** Days after the sequence starts. */
  readonly dayOffset: number;
  /** The template; a step whose template cannot be filled falls back to `fallback`. */
  readonly templateId: BdTemplateId;
  readonly fallback?: BdTemplateId;
}

/** The standard four-step sequence: intro, proof (or value), LinkedIn, break-up, over 14 days. */
export const BD_SEQUENCE: readonly SequenceStep[] = [
  { step: 1, dayOffset: 0, templateId: "bd-intro" },
  { step: 2, dayOffset: 3, templateId: "bd-proof", fallback: "bd-value" },
  { step: 3, dayOffset: 7, templateId: "bd-linkedin" },
  { step: 4, dayOffset: 14, templateId: "bd-breakup" },
];
