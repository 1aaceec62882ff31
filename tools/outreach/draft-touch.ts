import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { contactKey } from "../../domain/keys.ts";
import { defineTool } from "../tool.ts";
import { bdFacts, renderBd } from "./render.ts";
import { BdTemplateId } from "./templates.ts";

const Input = z.object({
  templateId: BdTemplateId,
  contactEmail: z.string().min(3).describe("The contact the message is for"),
  opportunityName: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("The opportunity's name from the CRM, for the deal templates"),
});

/** Drafts one BD message (e.g. a deal follow-up) for a contact from a BD template and CRM facts. */
export const outreachDraftTouch = defineTool({
  name: "outreach_draft_touch",
  description:
    "Draft one BD message for a contact from a BD template, filled with CRM facts: channel, subject, body, " +
    "content hash and facts used; refuses when a placeholder cannot be filled. Drafts only.",
  schema: Input,
  async run(ctx, input) {
    const email = contactKey(input.contactEmail);
    if (!email) throw new ToolError("email_invalid", `"${input.contactEmail}" is not an email address.`);
    const { facts, persona, accountDomain, warnings } = await bdFacts(ctx, email, input.opportunityName);
    return { contactEmail: email, accountDomain, ...renderBd(input.templateId, facts, persona, warnings) };
  },
});
