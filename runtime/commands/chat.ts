import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { Command } from "commander";
import { GrowthError } from "../../domain/errors.ts";
import { withOrchestrator } from "../context.ts";
import type { Orchestrator } from "../orchestrator.ts";
import type { RunOutcome } from "../outcome.ts";
import { liveProgress, outcomeText } from "../render.ts";

/** `growth chat`: an interactive conversation; approvals are answered inline. */
export function chatCommand(): Command {
  return new Command("chat")
    .description(
      "talk to the orchestrator: steps and model text stream as they happen; see the agents, guard decisions, and answer approvals inline",
    )
    .option("--conversation <id>", "continue a conversation thread")
    .action(async (options: { conversation?: string }, command: Command) => {
      const conversation = options.conversation ?? randomUUID();
      const rl = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY,
      });
      const live = liveProgress((text) => process.stdout.write(text));
      await withOrchestrator(
        command,
        async ({ orchestrator, models }) => {
          console.log(
            `Growth Engine chat (conversation ${conversation}; ${models.description}). Type a request, or "exit".`,
          );
          for (;;) {
            let line: string;
            try {
              line = (await rl.question("you> ")).trim();
            } catch {
              break; // input closed
            }
            if (line === "exit" || line === "quit") break;
            if (!line) continue;
            try {
              let outcome = await orchestrator.chat(line, conversation);
              live.end();
              console.log(`\n${outcome.answer ?? ""}\n`);
              outcome = await answerApprovals(orchestrator, outcome, (q) => rl.question(q));
              console.log(outcomeText(outcome));
            } catch (error) {
              live.end();
              if (!(error instanceof GrowthError)) throw error;
              console.log(`error: ${error.message}`);
            }
          }
          rl.close();
        },
        {
          onStep: ({ node }) => live.step(node),
          onToken: (agent, token) => live.token(agent, token),
          onServed: (agent, by) => live.served(agent, by),
        },
      );
    });
}

/** Asks a person about each pending approval and resumes the run with the answers. */
export async function answerApprovals(
  orchestrator: Orchestrator,
  outcome: RunOutcome,
  ask: (question: string) => Promise<string>,
): Promise<RunOutcome> {
  let current = outcome;
  // "A" or "R" answers every approval still open in this turn the same way.
  let forAll: "approve" | "reject" | null = null;
  while (current.status === "waiting_approval" && current.pendingApprovals.length > 0) {
    let resumed: RunOutcome | null = null;
    for (const approval of current.pendingApprovals) {
      console.log(`\nApproval needed: ${approval.preview}\n  ${approval.reason}`);
      let answer = forAll ?? "";
      if (!forAll) {
        const remaining = current.pendingApprovals.length;
        const raw = (
          await ask(`approve, reject or edit? [a/r/e${remaining > 1 ? `, A/R for all ${remaining}` : ""}] `)
        ).trim();
        if (raw === "A" || raw === "R") forAll = raw === "A" ? "approve" : "reject";
        answer = forAll ?? raw.toLowerCase();
      }
      let verdict: Record<string, unknown>;
      if (answer.startsWith("e")) {
        const body = await ask("new text (one line): ");
        verdict =
          approval.actionType === "make_offer"
            ? { verdict: "edit", edit: { terms: body } }
            : { verdict: "edit", edit: { body } };
      } else {
        verdict = { verdict: answer.startsWith("a") ? "approve" : "reject" };
      }
      const result = await orchestrator.decide(approval.approvalId, { ...verdict, by: "chat" });
      if (result.outcome) resumed = result.outcome;
    }
    if (!resumed) break;
    current = resumed;
  }
  return current;
}
