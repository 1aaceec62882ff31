import { Command } from "commander";
import { requireStore, withContext, withOrchestrator } from "../context.ts";
import { deadLetterDetail, deadLetterList, discardDeadLetter } from "../queries/dead-letters.ts";

/** `growth dlq`: list, show, redrive or discard the steps that failed for good. */
export function dlqCommand(): Command {
  const dlq = new Command("dlq").description(
    "dead letters: steps that failed for good, with their event, state, error chain and attempts",
  );

  dlq
    .command("list", { isDefault: true })
    .description("list open dead letters, newest first")
    .option("--all", "include redriven and discarded ones")
    .option("--json", "print JSON")
    .action(async (options: { all?: boolean; json?: boolean }, command: Command) => {
      requireStore(command);
      await withContext(command, async ({ store }) => {
        const rows = await deadLetterList(store, options.all);
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0) {
          console.log(options.all ? "No dead letters." : "No open dead letters.");
          return;
        }
        for (const s of rows) {
          console.log(
            `${s.id}  ${s.status.padEnd(9)} ${s.node}  ${s.code ?? "-"}  ${s.attempts} attempt${s.attempts === 1 ? "" : "s"}  ${s.created_at}\n    ${s.message}`,
          );
        }
        console.log(
          "\nShow one with `growth dlq show <id>`; `redrive <id>` runs it again, `discard <id>` closes it.",
        );
      });
    });

  dlq
    .command("show")
    .description("show one dead letter: the event, the state snapshot, the error chain and the attempts")
    .argument("<id>", "dead letter id (see `growth dlq list`)")
    .option("--json", "print JSON")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      requireStore(command);
      await withContext(command, async ({ store }) => {
        const detail = await deadLetterDetail(store, id);
        console.log(options.json ? JSON.stringify(detail, null, 2) : render(detail));
      });
    });

  dlq
    .command("redrive")
    .description("submit the dead letter's request again as a new run and mark the letter redriven")
    .argument("<id>", "dead letter id")
    .action(async (id: string, _options: unknown, command: Command) => {
      requireStore(command);
      await withOrchestrator(command, async ({ orchestrator }) => {
        const outcome = await orchestrator.redrive(id);
        const effects = outcome.effects.filter((e) => e.status === "executed").length;
        console.log(
          `Redrove ${id} as run ${outcome.runId}: ${outcome.status}, ${effects} effect${effects === 1 ? "" : "s"}, ${outcome.errors.length} error${outcome.errors.length === 1 ? "" : "s"}.`,
        );
      });
    });

  dlq
    .command("discard")
    .description("close a dead letter without running it again")
    .argument("<id>", "dead letter id")
    .option("--reason <text>", "why it is discarded", "discarded by an operator")
    .action(async (id: string, options: { reason: string }, command: Command) => {
      requireStore(command);
      await withContext(command, async ({ store }) => {
        await discardDeadLetter(store, id, options.reason);
        console.log(`Discarded ${id}.`);
      });
    });

  return dlq;
}

function render(detail: Awaited<ReturnType<typeof deadLetterDetail>>): string {
  const lines = [
    `Dead letter ${String(detail.id)} (${String(detail.status)})`,
    `  node: ${String(detail.node)} · attempts: ${String(detail.attempts)} · at ${String(detail.created_at)}`,
    `  run: ${String(detail.run_id)} · thread: ${String(detail.thread_id)} · correlation: ${String(detail.correlation_id)}`,
    "  error chain (outermost first):",
    ...(detail.error_chain as { name: string; code: string | null; message: string }[]).map(
      (e, i) => `    ${i + 1}. ${e.name}${e.code ? ` [${e.code}]` : ""}: ${e.message}`,
    ),
    "  event:",
    indent(JSON.stringify(detail.event, null, 2)),
    "  state snapshot:",
    indent(JSON.stringify(detail.state, null, 2)),
  ];
  return lines.join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
