import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { isPostgresUrl } from "../../store/postgres/url.ts";
import { queueSettings } from "../../store/queue/boss.ts";
import { storeFile, withOrchestrator } from "../context.ts";
import { RunControl } from "../run-control.ts";
import { startWorker } from "../worker/index.ts";

/** `growth worker [--concurrency n]`: takes runs from the queue and executes them until SIGTERM drains it. */
export function workerCommand(): Command {
  return new Command("worker")
    .description(
      "take accepted runs from the queue (a PostgreSQL store: DATABASE_URL) and execute them until stopped; SIGTERM drains",
    )
    .option("--concurrency <n>", "how many runs this worker executes at once", "2")
    .action(async (options: { concurrency: string }, command: Command) => {
      const concurrency = Number(options.concurrency);
      if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new UserError(
          "worker_concurrency_invalid",
          `--concurrency ${options.concurrency} must be a whole number from 1 to 64.`,
        );
      if (!isPostgresUrl(storeFile(command)))
        throw new UserError(
          "worker_needs_postgres",
          "growth worker takes runs from the queue in PostgreSQL: set DATABASE_URL (or --db postgres://…); the embedded store runs everything in one process.",
        );
      const control = new RunControl();
      const untrap = control.trapSignals();
      try {
        await withOrchestrator(
          command,
          async ({ store, orchestrator, logger }) => {
            if (store.dialect !== "postgres") return;
            const worker = await startWorker({
              store,
              orchestrator,
              owner: orchestrator.owner,
              control,
              logger,
              settings: queueSettings(),
              concurrency,
            });
            console.error(
              `worker ${worker.id} taking runs from ${store.name} (concurrency ${concurrency}); SIGTERM drains`,
            );
            await new Promise<void>((resolve) => control.onDrain(() => resolve()));
            await worker.stop();
            console.error(`worker ${worker.id} drained and stopped`);
          },
          { control, dispatch: "workers", ownerRole: "worker" },
        );
      } finally {
        untrap();
      }
    });
}
