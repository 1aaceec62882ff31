import { z } from "zod";
import { ToolError } from "../../domain/errors.ts";
import { contactKey } from "../../domain/keys.ts";
import { defineTool } from "../tool.ts";
import { type BdDraft, bdFacts, renderBd } from "./render.ts";
import { BD_SEQUENCE } from "./templates.ts";

/** One step of a drafted sequence: when it is due and its message, or why it could not be written. */
export interface DraftedStep {
  step: number;
  dayOffset: number;
  dueAt: string;
  draft: BdDraft | null;
  refusal: string | null;
}

const Input = z.object({
  contactEmail: z.string().min(3).describe("The contact the sequence is for"),
});

/** Drafts the four-step BD outreach sequence for a contact from the BD templates and CRM facts. */
export const outreachDraftSequence = defineTool({
  name: "outreach_draft_sequence",
  description:
    "Draft the four-step BD sequence for a contact (intro, proof or value email, LinkedIn note, break-up), " +
    "each step filled from the CRM or refused naming the missing fact; unsafe CRM values are listed in " +
    "warnings. Drafts only.",
  schema: Input,
  async run(ctx, input) {
    const email = contactKey(input.contactEmail);
    if (!email) throw new ToolError("email_invalid", `"${input.contactEmail}" is not an email address.`);
    const { facts, persona, accountDomain, warnings } = await bdFacts(ctx, email);
    const steps: DraftedStep[] = BD_SEQUENCE.map((s) => {
      const dueAt = new Date(ctx.now.getTime() + s.dayOffset * 86_400_000).toISOString();
      const tried = [s.templateId, ...(s.fallback ? [s.fallback] : [])];
      const problems: string[] = [];
      for (const id of tried) {
        try {
          return {
            step: s.step,
            dayOffset: s.dayOffset,
            dueAt,
            draft: renderBd(id, facts, persona, warnings),
            refusal: null,
          };
        } catch (error) {
          if (!(error instanceof ToolError)) throw error;
          problems.push(error.message);
        }
      }
      return { step: s.step, dayOffset: s.dayOffset, dueAt, draft: null, refusal: problems.join(" ") };
    });
    // Every unsafe field, whether a step used it or it cost a step its draft.
    return { contactEmail: email, accountDomain, persona, steps, warnings };
  },
});
