import { z } from "zod";

/** The marketing templates, by id; a model picks one of these names. */
export const CONTENT_TEMPLATE_IDS = [
  "nurture-email",
  "webinar-invite",
  "case-study-email",
  "linkedin-post",
  "landing-copy",
] as const;

/** One marketing template id. */
export const ContentTemplateId = z
  .enum(CONTENT_TEMPLATE_IDS)
  .describe(
    "nurture-email: educational email; webinar-invite: invitation email; case-study-email: email citing a won " +
      "customer in the same industry; linkedin-post: short LinkedIn post; landing-copy: headline and body of a landing page",
  );
export type ContentTemplateId = z.infer<typeof ContentTemplateId>;

/** Where a piece of content is used; only email and linkedin can be sent to a contact. */
export type ContentChannel = "email" | "linkedin" | "web";

/** A marketing template as data: text with `{{placeholder}}` slots filled from store fields. */
export interface ContentTemplate {
  readonly id: ContentTemplateId;
  readonly title: string;
  readonly channel: ContentChannel;
  /** What the content is for, so a planner can pick one for a campaign channel. */
  readonly purpose: string;
  /** Campaign channels this template serves best, first match wins. */
  readonly campaignChannels: readonly string[];
  readonly subject: string;
  readonly body: string;
}

const SIGN_OFF = "\n\nBest regards,\nThe Growth team";

/** The five marketing templates; every placeholder names a store field or a derived fact. */
export const CONTENT_TEMPLATES: readonly ContentTemplate[] = [
  {
    id: "nurture-email",
    title: "Nurture email",
    channel: "email",
    purpose: "Educational follow-up that keeps a known contact warm",
    campaignChannels: ["email", "content", "paid_search", "paid_social"],
    subject: "How {{account.industry}} teams like {{account.name}} keep pipeline honest",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "Revenue teams in {{account.industry}} tell us the hard part is {{persona.pain}}. " +
      "As {{contact.title}} at {{account.name}}, you have probably seen it too.\n\n" +
      "We collected what works for companies of {{account.size_band}} employees in a short guide. " +
      "Want me to send it over?" +
      SIGN_OFF,
  },
  {
    id: "webinar-invite",
    title: "Webinar invitation",
    channel: "email",
    purpose: "Invites a contact to the campaign's live session",
    campaignChannels: ["webinar", "events"],
    subject: "{{contact.first_name}}, join us: {{campaign.name}}",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "We are hosting {{campaign.name}} for {{account.industry}} revenue leaders on {{webinar.date}}. " +
      "It is built around {{persona.pain}}, which we hear about from teams like {{account.name}}.\n\n" +
      "Forty minutes, live questions, recording for everyone who registers. Save your seat?" +
      SIGN_OFF,
  },
  {
    id: "case-study-email",
    title: "Case-study email",
    channel: "email",
    purpose: "Cites a won customer in the contact's industry as proof",
    campaignChannels: ["email", "linkedin"],
    subject: "What {{reference.name}} changed in their {{account.industry}} pipeline",
    body:
      "Hi {{contact.first_name}},\n\n" +
      "{{reference.name}}, another {{account.industry}} company, tackled {{persona.pain}} with us this year. " +
      "I thought of {{account.name}} because teams of {{account.size_band}} employees hit the same wall.\n\n" +
      "Happy to share how they did it, if useful for your role as {{contact.title}}." +
      SIGN_OFF,
  },
  {
    id: "linkedin-post",
    title: "LinkedIn post",
    channel: "linkedin",
    purpose: "Short social post that promotes the campaign to an industry",
    campaignChannels: ["linkedin", "paid_social"],
    subject: "{{campaign.name}}",
    body:
      "{{account.industry}} revenue teams: {{persona.pain}} is the most common blocker we hear about.\n\n" +
      "{{campaign.name}} shows how teams like {{account.name}} fix it without adding headcount. " +
      "Link in the comments.",
  },
  {
    id: "landing-copy",
    title: "Landing page copy",
    channel: "web",
    purpose: "Headline and body of the campaign's landing page",
    campaignChannels: ["webinar", "content", "paid_search", "paid_social", "events"],
    subject: "{{campaign.name}}: pipeline you can trust in {{account.industry}}",
    body:
      "Built for {{account.industry}} revenue teams of {{account.size_band}} employees.\n\n" +
      "{{campaign.name}} covers {{persona.pain}}, with the numbers from {{reference.name}} and teams like it.\n\n" +
      "Register in thirty seconds.",
  },
];

/** The template with this id; the id type makes a miss impossible. */
export function contentTemplate(id: ContentTemplateId): ContentTemplate {
  return CONTENT_TEMPLATES.find((t) => t.id === id)!;
}

/** The placeholders of a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-z_.]+)\s*\}\}/g)].map((m) => m[1]!))];
}

/** The best sendable template for a campaign channel: its first listed email or linkedin template. */
export function templateForCampaignChannel(channel: string): ContentTemplate {
  const sendable = CONTENT_TEMPLATES.filter((t) => t.channel !== "web");
  return sendable.find((t) => t.campaignChannels.includes(channel)) ?? contentTemplate("nurture-email");
}
