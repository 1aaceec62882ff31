import { Command } from "commander";
import { withContext } from "../context.ts";
import { DEFAULT_PLAY_GRACE, parseOlderThan, pruneStore, pruneSummary } from "../retention.ts";

/** `growth prune [--older-than 7d] [--dry-run] [--json]`: checkpoint retention, saying what it removes. */
export function pruneCommand(): Command {
  return new Command("prune")
    .description(
      "remove checkpoints nothing needs: finished threads keep only their latest one, finished plays older than --older-than keep none; a paused or unfinished run keeps all",
    )
    .option(
      "--older-than <age>",
      "grace period of finished plays: 7d, 24h or an ISO date",
      DEFAULT_PLAY_GRACE,
    )
    .option("--dry-run", "list what would be removed and change nothing")
    .option("--json", "print JSON")
    .action(async (options: { olderThan: string; dryRun?: boolean; json?: boolean }, command: Command) => {
      parseOlderThan(options.olderThan, new Date()); // a bad age fails before the store is opened
      await withContext(command, async ({ store }) => {
        const report = await pruneStore(store.db, { olderThan: options.olderThan, dryRun: options.dryRun });
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        for (const t of report.threads) {
          const what = t.rule === "finished_play" ? "finished play past its grace period" : "superseded";
          console.log(`${t.threadId.padEnd(48)} ${what}: ${t.checkpoints} checkpoints, ${t.writes} writes`);
        }
        console.log(pruneSummary(report));
      });
    });
}
