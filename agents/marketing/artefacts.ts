import { z } from "zod";
import { FieldWarning } from "../../tools/content/safe-facts.ts";

/** A metric that may be undefined: a number, or null with the reason. */
export const MetricValue = z
  .union([z.object({ value: z.number() }), z.object({ value: z.null(), reason: z.string() })])
  .describe("A number, or null with the reason the data cannot define it");

const Segment = z.object({
  industry: z.string().describe("Account industry"),
  sizeBand: z.string().describe("Employee-count band, e.g. 201-1000"),
  accounts: z.number().int().describe("Accounts in the segment"),
  won: z.number().int().describe("Deals won in the window"),
  lost: z.number().int().describe("Deals lost in the window"),
  winRate: z.number().nullable().describe("won / (won + lost), null when nothing closed"),
  averageWonDealCents: z.number().nullable().describe("Mean won amount in cents, null when nothing was won"),
  expectedDealCents: z.number().nullable().describe("Win rate × average won deal, the ranking key"),
});

/** marketing-strategy's output: ranked segments, a channel budget from attribution, and why. */
export const StrategyArtefact = z.object({
  trigger: z.string().describe("What started the review"),
  segments: z.array(Segment).describe("Segments, best first"),
  focus: z
    .object({ industry: z.string(), sizeBand: z.string().nullable() })
    .nullable()
    .describe("The segment campaigns should target next"),
  budget: z.object({
    totalCents: z.number().int().describe("The budget split across channels"),
    model: z.string().describe("Attribution model the split follows"),
    floorCents: z.number().int().describe("Minimum each channel gets"),
    channels: z
      .array(
        z.object({
          channel: z.string(),
          attributedCents: z.number().int().describe("Won revenue credited to the channel's campaigns"),
          budgetCents: z.number().int().describe("The channel's share of the budget"),
        }),
      )
      .describe("Per channel, largest budget first; sums to totalCents exactly"),
  }),
  rationale: z.array(z.string()).describe("The reasoning, one point per line"),
  campaignRequested: z
    .boolean()
    .describe("Whether the request asked for a campaign (then campaign-planner runs)"),
});
export type StrategyArtefact = z.infer<typeof StrategyArtefact>;

const Exclusion = z.object({
  domain: z.string(),
  name: z.string(),
  reasons: z
    .array(z.object({ rule: z.string(), detail: z.string() }))
    .describe("Why BD owns or suppression blocks it"),
});

/** campaign-planner's output: the proposed campaign and the accounts left out, with reasons. */
export const PlannerArtefact = z.object({
  campaign: z
    .object({
      id: z.string(),
      name: z.string(),
      goal: z.string(),
      channel: z.string().describe("Main campaign channel, e.g. webinar, email, linkedin"),
      budgetCents: z.number().int(),
      segment: z.object({ industry: z.string().nullable(), sizeBand: z.string().nullable() }),
      audienceDomains: z.array(z.string()).describe("Accounts the campaign targets"),
    })
    .nullable()
    .describe("Null when no campaign could be planned; the notes say why"),
  exclusions: z.array(Exclusion).describe("Accounts of the segment kept out of the audience"),
  notes: z.array(z.string()),
});
export type PlannerArtefact = z.infer<typeof PlannerArtefact>;

/** One rendered draft. */
export const Draft = z.object({
  templateId: z.string(),
  channel: z.string().describe("email, linkedin or web"),
  persona: z.string().describe("executive, manager or practitioner"),
  contactEmail: z.string().nullable(),
  accountDomain: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  contentHash: z.string().describe("sha256 of template id and body, 16 hex characters"),
  facts: z.record(z.string(), z.string()).describe("Each placeholder and the CRM value it got"),
});
export type Draft = z.infer<typeof Draft>;

/** content-creation's output: drafts filled with real fields, and templates it could not fill. */
export const ContentArtefact = z.object({
  campaignId: z.string().nullable(),
  drafts: z.array(Draft),
  refusals: z.array(z.object({ templateId: z.string(), target: z.string(), reason: z.string() })),
  warnings: z
    .array(FieldWarning.extend({ target: z.string().describe("The contact or account whose field it was") }))
    .optional()
    .describe("CRM fields kept out of the copy as unsafe; never the text itself"),
});
export type ContentArtefact = z.infer<typeof ContentArtefact>;

/** campaign-execution's output: enrolment batches with their schedule, and contacts skipped. */
export const ExecutionArtefact = z.object({
  campaignId: z.string().nullable(),
  channel: z.string().nullable().describe("Enrolment channel: email, linkedin or call"),
  templateId: z.string().nullable(),
  bulk: z.boolean().describe("True when the request asked for one bulk send (it then needs approval)"),
  batches: z.array(
    z.object({
      index: z.number().int(),
      size: z.number().int(),
      sendAt: z.string().describe("Scheduled send time, ISO UTC"),
      needsApproval: z.boolean().describe("More than 50 contacts: the approval gate stops it"),
      contacts: z.array(z.string()),
    }),
  ),
  skipped: z.array(z.object({ email: z.string(), reason: z.string() })),
});
export type ExecutionArtefact = z.infer<typeof ExecutionArtefact>;

/** A KPI that fell past the threshold. */
export const KpiDrop = z.object({
  metric: z.string(),
  channel: z.string().nullable(),
  previous: z.number(),
  current: z.number(),
  change: z.number().describe("Relative change, e.g. -0.4"),
});
export type KpiDrop = z.infer<typeof KpiDrop>;

/** marketing-analytics' output: the sections it computed for this request. */
export const AnalyticsArtefact = z.object({
  focus: z.enum(["report", "lead"]).describe("A full report, or one lead's score"),
  metrics: z.record(z.string(), z.unknown()).nullable().describe("analytics_pipeline_metrics output"),
  funnel: z.record(z.string(), z.unknown()).nullable().describe("analytics_funnel output"),
  attribution: z.record(z.string(), z.unknown()).nullable().describe("analytics_attribution output"),
  kpis: z
    .array(
      z.object({
        metric: z.string(),
        channel: z.string().nullable(),
        current: z.number(),
        previous: z.number(),
        change: z.number().nullable(),
      }),
    )
    .describe("Last N days against the N before"),
  drops: z.array(KpiDrop).describe("KPIs that fell past the threshold"),
  lead: z
    .object({
      email: z.string(),
      fit: z.number(),
      engagement: z.number(),
      mql: z.boolean(),
      reasons: z.array(z.string()),
    })
    .nullable(),
});
export type AnalyticsArtefact = z.infer<typeof AnalyticsArtefact>;
