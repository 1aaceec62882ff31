import { Command } from "commander";
import { listWorkers } from "../../store/repos/workers.ts";
import { requireStore, withContext } from "../context.ts";

/** `growth workers`: the registered processes (workers, services, schedulers) with their last heartbeat. */
export function workersCommand(): Command {
  return new Command("workers")
    .description("list the processes holding runs (workers, services, schedulers) with their last heartbeat")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      requireStore(command);
      await withContext(command, async ({ store }) => {
        const now = new Date();
        const workers = await listWorkers(store.db, now);
        if (options.json) {
          console.log(JSON.stringify(workers, null, 2));
          return;
        }
        if (workers.length === 0) {
          console.log(
            "no process is registered: start one with `growth worker` (PostgreSQL) or `growth serve`.",
          );
          return;
        }
        console.log("id                                   role      state  last heartbeat            ago");
        for (const w of workers) {
          const ago = `${Math.max(0, Math.round((now.getTime() - w.heartbeatAt.getTime()) / 1000))} s`;
          console.log(
            `${w.id.padEnd(36)} ${w.role.padEnd(9)} ${(w.live ? "live" : "dead").padEnd(6)} ${w.heartbeatAt.toISOString()}  ${ago}`,
          );
        }
      });
    });
}
