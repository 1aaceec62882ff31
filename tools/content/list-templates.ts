import { z } from "zod";
import { defineTool } from "../tool.ts";
import { CONTENT_TEMPLATES, placeholdersOf } from "./templates.ts";

const Input = z.object({
  channel: z
    .enum(["email", "linkedin", "web"])
    .optional()
    .describe("Only templates for this channel; omit for all"),
});

/** Lists the marketing templates with their channel, purpose and the placeholders each needs. */
export const contentListTemplates = defineTool({
  name: "content_list_templates",
  description:
    "List the marketing content templates (id, channel, purpose, campaign channels it suits, placeholders it " +
    "needs), so you can pick one for content_render.",
  schema: Input,
  async run(_ctx, input) {
    return {
      templates: CONTENT_TEMPLATES.filter((t) => !input.channel || t.channel === input.channel).map((t) => ({
        id: t.id,
        title: t.title,
        channel: t.channel,
        purpose: t.purpose,
        campaignChannels: [...t.campaignChannels],
        placeholders: placeholdersOf(`${t.subject}\n${t.body}`),
      })),
    };
  },
});
