import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.ts";
import type { Orchestrator } from "../orchestrator.ts";
import type { RunOutcome } from "../outcome.ts";
import { approvalText } from "./text.ts";
import { approvalViews } from "./view.ts";

/** What a person typed at an approval question, understood; null when it is none of the accepted answers. */
export type ApprovalAnswer = "approve" | "reject" | "edit" | "approve_all" | "reject_all";

const WORDS: Readonly<Record<string, ApprovalAnswer>> = {
  a: "approve",
  approve: "approve",
  y: "approve",
  yes: "approve",
  r: "reject",
  reject: "reject",
  n: "reject",
  no: "reject",
  e: "edit",
  edit: "edit",
  "approve all": "approve_all",
  "reject all": "reject_all",
};

/**
 * Reads an answer: `a/approve/y/yes`, `r/reject/n/no`, `e/edit` in any case, and capital `A` or `R` (or
 * "approve all" / "reject all") for every approval still open in the turn. Anything else is null, so the
 * question is asked again: an answer that is not understood never decides anything.
 */
export function parseApprovalAnswer(raw: string): ApprovalAnswer | null {
  const text = raw.trim();
  if (text === "A") return "approve_all";
  if (text === "R") return "reject_all";
  return WORDS[text.toLowerCase().replace(/\s+/g, " ")] ?? null;
}

/** The question asked for one approval; `remaining` counts this one and those after it, undecided. */
export function approvalQuestion(remaining: number): string {
  return `approve, reject or edit? [a/r/e${remaining > 1 ? `, A/R for all ${remaining} remaining` : ""}] `;
}

/** How a chat session talks to a person: print a block, ask a question (null when the input has ended). */
export interface ApprovalConversation {
  print(text: string): void;
  ask(question: string): Promise<string | null>;
}

/**
 * Shows each pending approval of a turn in full, asks about it until the answer is understood, and resumes
 * the run once all are decided. Returns the latest outcome (still waiting if the input ended first).
 */
export async function answerApprovals(
  orchestrator: Orchestrator,
  db: Kysely<Database>,
  outcome: RunOutcome,
  io: ApprovalConversation,
): Promise<RunOutcome> {
  let current = outcome;
  // "A" or "R" answers every approval still open in this turn the same way.
  let forAll: "approve" | "reject" | null = null;
  while (current.status === "waiting_approval" && current.pendingApprovals.length > 0) {
    const pending = current.pendingApprovals;
    const views = new Map(
      (await approvalViews(db, { ids: pending.map((p) => p.approvalId) })).map((v) => [v.id, v]),
    );
    let resumed: RunOutcome | null = null;
    for (const [index, approval] of pending.entries()) {
      let verdict: Record<string, unknown>;
      if (forAll) {
        verdict = { verdict: forAll };
        io.print(`${forAll === "approve" ? "approved" : "rejected"}: ${approval.preview}`);
      } else {
        const view = views.get(approval.approvalId);
        io.print(
          `\nApproval ${index + 1} of ${pending.length}:\n${view ? approvalText(view) : `${approval.preview}\n  ${approval.reason}`}`,
        );
        const decided = await askUntilUnderstood(io, pending.length - index, approval.actionType);
        if (decided === null) return current; // input ended: the approvals stay pending for `growth approvals`
        if (decided.kind === "all") forAll = decided.verdict;
        verdict =
          decided.kind === "edit" ? { verdict: "edit", edit: decided.edit } : { verdict: decided.verdict };
      }
      const result = await orchestrator.decide(approval.approvalId, { ...verdict, by: "chat" });
      if (result.outcome) resumed = result.outcome;
    }
    if (!resumed) break;
    current = resumed;
  }
  return current;
}

type Decided =
  | { kind: "one"; verdict: "approve" | "reject" }
  | { kind: "all"; verdict: "approve" | "reject" }
  | { kind: "edit"; edit: Record<string, string> };

async function askUntilUnderstood(
  io: ApprovalConversation,
  remaining: number,
  actionType: string,
): Promise<Decided | null> {
  for (;;) {
    const raw = await io.ask(approvalQuestion(remaining));
    if (raw === null) return null;
    const answer = parseApprovalAnswer(raw);
    if (answer === "approve" || answer === "reject") return { kind: "one", verdict: answer };
    if (answer === "approve_all") return { kind: "all", verdict: "approve" };
    if (answer === "reject_all") return { kind: "all", verdict: "reject" };
    if (answer === "edit") {
      const field = actionType === "make_offer" ? "terms" : "body";
      const text = await io.ask(`new ${field === "terms" ? "terms" : "message text"} (one line): `);
      if (text === null) return null;
      if (text.trim() !== "") return { kind: "edit", edit: { [field]: text.trim() } };
      io.print("No change given; nothing was decided.");
      continue;
    }
    io.print(
      `That is not an answer: type a (approve, y, yes), r (reject, n, no) or e (edit)` +
        `${remaining > 1 ? `, or A / R for all ${remaining} remaining` : ""}.`,
    );
  }
}
