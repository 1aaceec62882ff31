import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { contactKey } from "../../domain/keys.ts";
import { type EngagementEvent, leadScore } from "../../domain/scoring/index.ts";
import { leadScoringFacts } from "../../store/queries/marketing-analytics.ts";
import { defineTool } from "../tool.ts";

/**
 * The engagement kind each touch channel stands for. Inbound channels are real signals (a webinar signup, a
 * download, a booth scan); outbound sends count as the weakest signal, since a touch row records that the
 * interaction happened, not whether the person answered.
 */
export const CHANNEL_ENGAGEMENT: Readonly<Record<string, string>> = {
  webinar: "webinar_registered",
  content: "content_download",
  events: "form_submit",
  demo_request: "demo_request",
  call: "call_connected",
  email: "email_open",
  linkedin: "page_view",
  paid_search: "page_view",
  paid_social: "page_view",
};

/** Lead sources that mean the person asked for a demo. */
const DEMO_SOURCES = new Set(["demo_request", "demo"]);

const Input = z.object({
  email: z.string().min(3).describe("The lead's email address"),
});

/** Scores a lead: fit from ICP rules, engagement from touches with a 30-day half-life, and the MQL decision with reasons. */
export const analyticsScoreLead = defineTool({
  name: "analytics_score_lead",
  description:
    "Score one lead by email: fit (ICP rules on industry, size, country, title; 0..100), engagement (its touches, " +
    "decayed with a 30-day half-life; 0..100), and whether it is an MQL (fit ≥ 60 and engagement ≥ 40, or a " +
    "demo request), with the reasons in plain words.",
  schema: Input,
  async run(ctx, input) {
    const email = contactKey(input.email);
    if (!email)
      throw new ToolError(
        "email_invalid",
        `"${input.email}" is not an email address; pass the lead's email.`,
      );
    const facts = await leadScoringFacts(ctx.db, email, ctx.now);
    if (!facts) throw new ToolError("lead_not_found", `No contact ${email} in the CRM; check the address.`);
    const events: EngagementEvent[] = facts.touches.flatMap((t) => {
      const kind = CHANNEL_ENGAGEMENT[t.channel];
      return kind ? [{ kind, at: new Date(t.occurredAt) }] : [];
    });
    const score = leadScore({
      facts: {
        industry: facts.account?.industry,
        employees: facts.account?.employees,
        country: facts.account?.country,
        title: facts.contact.title,
      },
      events,
      now: ctx.now,
      demoRequested: facts.lead?.source ? DEMO_SOURCES.has(facts.lead.source) : false,
    });
    return {
      email,
      accountDomain: facts.contact.accountDomain,
      leadId: facts.lead?.id ?? null,
      leadStatus: facts.lead?.status ?? null,
      lifecycleStage: facts.contact.lifecycleStage,
      fit: Math.round(score.fit * 10) / 10,
      engagement: Math.round(score.engagement * 10) / 10,
      mql: score.mql,
      signals: events.length,
      reasons: score.reasons,
    };
  },
});
