import { z } from "zod";
import type { ObservedAgentResult } from "../harness.ts";
import type { ContentCase } from "../schema.ts";
import { type Check, check } from "./check.ts";

const Drafts = z.object({
  drafts: z.array(z.object({ templateId: z.string(), subject: z.string(), body: z.string() }).passthrough()),
});

/** A draft as the content checks read it. */
export interface DraftText {
  templateId: string;
  text: string;
}

/** The drafts the content agent wrote in a run (subject and body as one text). */
export function draftsOf(results: readonly ObservedAgentResult[]): DraftText[] {
  return results
    .filter((r) => r.agent === "content-creation")
    .flatMap((r) => {
      const parsed = Drafts.safeParse(r.artefact);
      return parsed.success ? parsed.data.drafts : [];
    })
    .map((d) => ({ templateId: d.templateId, text: `${d.subject}\n${d.body}` }));
}

/** A forbidden claim as a test: `/pattern/flags` is a regular expression, anything else a case-insensitive text. */
export function claimPattern(claim: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(claim);
  if (regex) return new RegExp(regex[1]!, regex[2]!.includes("i") ? regex[2] : `${regex[2]}i`);
  return new RegExp(claim.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
}

/**
 * Content checks, one point each: enough drafts; each required fact in at least one draft; each forbidden
 * claim in none; each draft from an allowed template. The score is the share of points earned.
 */
export function scoreContent(expect: ContentCase["expect"], drafts: readonly DraftText[]): Check {
  const problems: string[] = [];
  let points = 0;
  let earned = 0;
  points++;
  if (drafts.length >= expect.minDrafts) earned++;
  else problems.push(`${drafts.length} draft(s), need ${expect.minDrafts}`);
  for (const fact of expect.facts) {
    points++;
    if (drafts.some((d) => d.text.toLowerCase().includes(fact.toLowerCase()))) earned++;
    else problems.push(`missing fact "${fact}"`);
  }
  for (const claim of expect.forbidden) {
    points++;
    const pattern = claimPattern(claim);
    if (drafts.every((d) => !pattern.test(d.text))) earned++;
    else problems.push(`forbidden claim ${claim}`);
  }
  if (expect.templates) {
    points++;
    const wrong = drafts.filter((d) => !expect.templates!.includes(d.templateId));
    if (wrong.length === 0) earned++;
    else problems.push(`unexpected template ${[...new Set(wrong.map((d) => d.templateId))].join(", ")}`);
  }
  return check(
    "content",
    earned / points,
    problems.length
      ? problems.join("; ")
      : `${drafts.length} draft(s) state every fact and no forbidden claim`,
  );
}
