import { z } from "zod";
import { AgentId, Cluster } from "./agents.ts";

/** The kind of play an outreach belongs to; conflict rules treat them differently. */
export const Play = z
  .enum(["sequence", "nurture", "campaign", "deal", "partnership"])
  .describe(
    "sequence: BD outreach sequence; nurture/campaign: marketing; deal: owner's deal work; partnership",
  );
export type Play = z.infer<typeof Play>;

/** Outreach channels an action may use. */
export const Channel = z.enum(["email", "linkedin", "call"]).describe("The channel of the touch");
export type Channel = z.infer<typeof Channel>;

const common = {
  rationale: z.string().min(1).max(2_000).describe("Why the agent proposes this, in one or two sentences"),
};

/** One message to one contact. */
export const SendTouch = z.object({
  type: z.literal("send_touch"),
  contactEmail: z.string().email().describe("The contact's email"),
  accountDomain: z
    .string()
    .nullable()
    .describe("The contact's account domain, or null for free-mail contacts"),
  channel: Channel,
  play: Play,
  templateId: z.string().min(1).describe("The template the content was made from"),
  subject: z.string().max(300).describe("Subject line (email) or opening line"),
  body: z.string().min(1).max(20_000).describe("The message text"),
  campaignId: z.string().nullable().default(null).describe("Campaign the touch belongs to, if any"),
  sequenceId: z
    .string()
    .nullable()
    .default(null)
    .describe("BD sequence the touch starts or continues, if any"),
  step: z.number().int().min(1).default(1).describe("Step number inside the sequence"),
  ...common,
});

/** Enrol many contacts in a campaign; each enrolment is a touch for the guard. */
export const EnrolInCampaign = z.object({
  type: z.literal("enrol_in_campaign"),
  campaignId: z.string().min(1).describe("The campaign to enrol into"),
  channel: Channel,
  templateId: z.string().min(1).describe("The template every enrolled contact receives"),
  contacts: z
    .array(z.object({ email: z.string().email(), accountDomain: z.string().nullable() }))
    .min(1)
    .max(5_000)
    .describe("Who to enrol"),
  ...common,
});

/** Create a campaign record (no contact is touched by this alone). */
export const CreateCampaign = z.object({
  type: z.literal("create_campaign"),
  campaignId: z.string().min(1).describe("A new campaign id, slug-like"),
  name: z.string().min(1).describe("Campaign name"),
  channel: z.string().min(1).describe("Main channel"),
  budgetCents: z.number().int().min(0).describe("Budget in cents"),
  audienceDomains: z.array(z.string()).describe("Accounts the campaign targets"),
  ...common,
});

/** Move an opportunity to another stage. */
export const MoveStage = z.object({
  type: z.literal("move_stage"),
  opportunityId: z.string().min(1).describe("The opportunity id"),
  toStage: z.string().min(1).describe("Target stage"),
  reason: z.string().nullable().default(null).describe("Required for backward moves and closed_lost"),
  ...common,
});

/** Open a new opportunity on an account. */
export const CreateOpportunity = z.object({
  type: z.literal("create_opportunity"),
  accountDomain: z.string().min(1).describe("The account"),
  name: z.string().min(1).describe("Opportunity name"),
  amountCents: z.number().int().min(0).describe("Estimated amount in cents"),
  ...common,
});

/** Any commercial offer: a discount or partnership terms; always needs a human. */
export const MakeOffer = z.object({
  type: z.literal("make_offer"),
  accountDomain: z.string().min(1).describe("The account receiving the offer"),
  opportunityId: z.string().nullable().default(null).describe("Related opportunity, if any"),
  kind: z.enum(["discount", "partnership"]).describe("What is offered"),
  discountPct: z.number().min(0).max(100).describe("Discount or revenue share, percent"),
  terms: z.string().min(1).max(5_000).describe("The terms in plain words"),
  ...common,
});

/** What an agent may propose; agents never act, the effects node does, after the guards. */
export const ProposedActionBody = z.discriminatedUnion("type", [
  SendTouch,
  EnrolInCampaign,
  CreateCampaign,
  MoveStage,
  CreateOpportunity,
  MakeOffer,
]);
export type ProposedActionBody = z.infer<typeof ProposedActionBody>;
export type ProposedActionInput = z.input<typeof ProposedActionBody>;

/** A proposal stamped with who made it and its id inside the run. */
export const ProposedAction = z.intersection(
  ProposedActionBody,
  z.object({
    id: z.string().min(1).describe("Unique inside the run: `<agent>#<n>`"),
    agent: AgentId,
    cluster: Cluster,
  }),
);
export type ProposedAction = z.infer<typeof ProposedAction>;

/** The action types that reach a person outside, and so go through the conflict rules. */
export const OUTREACH_TYPES = ["send_touch", "enrol_in_campaign"] as const;
