import { randomUUID } from "node:crypto";
import { Command } from "commander";
import { approvalViews } from "../approvals/view.ts";
import { withOrchestrator } from "../context.ts";
import { pathsJson } from "../outcome.ts";
import { liveProgress, outcomeJson, outcomeText } from "../render.ts";

/** `growth ask "<request>"`: one chat turn, answered and shown with its route and decisions. */
export function askCommand(): Command {
  return new Command("ask")
    .description("ask the orchestrator one thing and print the answer, the route and the guard decisions")
    .argument("<request...>", "what you need, in plain words")
    .option("--json", "print JSON with route and answer")
    .option("--conversation <id>", "continue a conversation thread")
    .option("--dry-run", "decide everything but execute no effect")
    .action(
      async (
        words: string[],
        options: { json?: boolean; conversation?: string; dryRun?: boolean },
        command: Command,
      ) => {
        // --json keeps stdout one JSON document; otherwise steps and model text stream as they arrive.
        const live = options.json ? null : liveProgress((text) => process.stdout.write(text));
        const hooks = live
          ? {
              onStep: ({ node }: { node: string }) => live.step(node),
              onToken: (agent: string, token: string) => live.token(agent, token),
              onServed: live.served,
            }
          : {};
        await withOrchestrator(
          command,
          async ({ orchestrator, store }) => {
            const outcome = await orchestrator.chat(words.join(" "), options.conversation ?? randomUUID(), {
              dryRun: options.dryRun,
            });
            live?.end();
            if (options.json) {
              // Each pending approval in full (recipient, body, offer, audience, reasons, guard), as `growth approvals --json`,
              // and the path that served each agent and the router.
              const ids = outcome.pendingApprovals.map((p) => p.approvalId);
              const approvals = await approvalViews(store.db, { ids });
              const paths = await pathsJson(store, outcome);
              console.log(JSON.stringify({ ...outcomeJson(outcome), ...paths, approvals }, null, 2));
            } else {
              if (live) console.log("");
              console.log(outcome.answer ?? "");
              console.log("");
              console.log(outcomeText(outcome));
            }
          },
          hooks,
        );
      },
    );
}
