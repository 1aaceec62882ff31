import { z } from "zod";
import { listCampaigns } from "../../store/queries/marketing-crm.ts";
import { defineTool } from "../tool.ts";

const Input = z.object({
  statuses: z
    .array(z.enum(["planned", "active", "completed", "paused"]))
    .optional()
    .describe("Only campaigns with one of these statuses; omit for all"),
  limit: z.number().int().min(1).max(200).default(20).describe("At most this many, newest first"),
});

/** Lists marketing campaigns, newest first, with channel, status and budget in cents. */
export const campaignList = defineTool({
  name: "campaign_list",
  description: "List marketing campaigns (id, name, channel, status, budget in cents), newest first.",
  schema: Input,
  async run(ctx, input) {
    const rows = await listCampaigns(ctx.db, { statuses: input.statuses, limit: input.limit });
    return {
      campaigns: rows.map((c) => ({
        id: c.id,
        name: c.name,
        channel: c.channel,
        status: c.status,
        ownerAgent: c.owner_agent,
        budgetCents: c.budget_cents,
        createdAt: c.created_at,
      })),
    };
  },
});
