import { Command } from "commander";
import { countHeldRuns } from "../../store/repos/run-owners.ts";
import { withOrchestrator } from "../context.ts";
import { settleLeftovers } from "../demo/settle.ts";
import { RunControl } from "../run-control.ts";

/** `growth resume`: finds runs a crash or a shutdown left unfinished and resumes each from its checkpoint. */
export function resumeCommand(): Command {
  return new Command("resume")
    .description(
      "resume runs a crash, a kill or a shutdown left unfinished, from their last checkpoint (no effect is repeated)",
    )
    .option("--json", "print JSON: one line per resumed run")
    .option(
      "--demo-approvals",
      "also decide approvals left pending by an interrupted demo, by the demo policy",
    )
    .action(async (options: { json?: boolean; demoApprovals?: boolean }, command: Command) => {
      const control = new RunControl();
      const untrap = control.trapSignals();
      try {
        await withOrchestrator(
          command,
          async ({ store, orchestrator }) => {
            const outcomes = await orchestrator.resumeUnfinished();
            if (options.demoApprovals) outcomes.push(...(await settleLeftovers(orchestrator, store.db)));
            const rows = outcomes.map((o) => ({
              run_id: o.runId,
              thread_id: o.threadId,
              status: o.status,
              route: o.route,
              effects: o.effects.filter((e) => e.status === "executed").length,
              pending_approvals: o.pendingApprovals.length,
            }));
            if (options.json) {
              console.log(JSON.stringify(rows, null, 2));
              return;
            }
            // Runs another live process is executing were left to it; say so, or "nothing" would mislead.
            const { live } = await countHeldRuns(store.db, new Date());
            const elsewhere =
              live > 0
                ? `\n${live} run${live === 1 ? " is" : "s are"} being executed by another live process and ${live === 1 ? "was" : "were"} left to it (see \`growth runs --status running\`).`
                : "";
            if (rows.length === 0) {
              console.log(
                `Nothing to resume: every run finished or waits for a person (see \`growth approvals\`).${elsewhere}`,
              );
              return;
            }
            console.log(`Resumed ${rows.length} run${rows.length === 1 ? "" : "s"}:`);
            for (const r of rows) {
              const route = r.route.length > 0 ? r.route.join(" → ") : "no agent";
              console.log(
                `  ${r.run_id}  ${r.status.padEnd(16)} ${r.thread_id}  ${route}  · ${r.effects} new effects`,
              );
            }
            if (elsewhere) console.log(elsewhere.trim());
            if (control.draining) console.log("Stopped early on a signal; run `growth resume` again.");
          },
          { control },
        );
      } finally {
        untrap();
      }
    });
}
