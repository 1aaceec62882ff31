import { Command } from "commander";
import { PLAYS } from "../../graph/routes.ts";
import { withOrchestrator } from "../context.ts";
import { reclaimEvery } from "../ownership/reclaim.ts";
import { outcomeJson, outcomeText } from "../render.ts";
import { pruneStore } from "../retention.ts";
import { onCron, selectPlays, startSchedule } from "../scheduler/index.ts";

/** `growth plays`: the scheduled plays, their cron and the agents they start with. */
export function playsCommand(): Command {
  return new Command("plays")
    .description("list the scheduled plays: name, cron (UTC), agents and what each does")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) => {
      if (options.json) {
        console.log(JSON.stringify(PLAYS, null, 2));
        return;
      }
      for (const play of PLAYS) {
        console.log(`${play.name.padEnd(30)} ${play.cron.padEnd(14)} ${play.agents.join(", ")}`);
        console.log(`${"".padEnd(30)} ${play.description}`);
      }
    });
}

/** `growth play <name>`: one run of a scheduled play now, on its own thread. */
export function playCommand(): Command {
  return new Command("play")
    .description("run one scheduled play now (see `growth plays`) and print its route, decisions and effects")
    .argument("<name>", "the play's name")
    .option("--json", "print JSON: route, decisions, effects")
    .option(
      "--dry-run",
      "run everything up to the effects node and print what would be done, writing no effect",
    )
    .action(async (name: string, options: { json?: boolean; dryRun?: boolean }, command: Command) => {
      const [play] = selectPlays([name]);
      await withOrchestrator(command, async ({ orchestrator }) => {
        const outcome = await orchestrator.play(play!.name, { dryRun: options.dryRun });
        console.log(options.json ? JSON.stringify(outcomeJson(outcome), null, 2) : outcomeText(outcome));
      });
    });
}

/** `growth schedule [names...]`: runs plays on their cron until SIGINT or SIGTERM. */
export function scheduleCommand(): Command {
  return new Command("schedule")
    .description("run the scheduled plays on their cron (UTC) until stopped with Ctrl-C or SIGTERM")
    .argument("[names...]", "only these plays (default: all)")
    .option("--dry-run", "decide everything but execute no effect")
    .option("--cron <expr>", 'fire the plays on this cron (UTC) instead of their own, e.g. "*/10 * * * * *"')
    .action(async (names: string[], options: { dryRun?: boolean; cron?: string }, command: Command) => {
      const plays = onCron(selectPlays(names), options.cron);
      await withOrchestrator(command, async ({ orchestrator, logger, store }) => {
        await orchestrator.owner.start("schedule");
        for (const outcome of await orchestrator.resumeUnfinished()) console.log(outcomeText(outcome));
        const schedule = startSchedule(
          plays,
          async (play, tick) => {
            // The tick's time is the run key, so a tick seen twice (two schedulers, a restart) runs once.
            const outcome = await orchestrator.play(play.name, {
              runKey: tick.toISOString(),
              dryRun: options.dryRun,
            });
            console.log(`${tick.toISOString()} ${outcomeText(outcome)}`);
            // Retention on its own: finished plays past the grace period lose their last checkpoint.
            await pruneStore(store.db);
          },
          logger,
        );
        for (const job of schedule.jobs) {
          console.log(`${job.play.name}: next run ${job.next?.toISOString() ?? "never"}`);
        }
        // Runs of a scheduler that died after this one started are taken over once their lease expires.
        const reclaim = reclaimEvery(
          orchestrator.owner.leaseMs,
          () => orchestrator.resumeUnfinished(),
          logger,
        );
        await new Promise<void>((resolve) => {
          const stop = () => {
            schedule.stop();
            resolve();
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        await reclaim.stop();
        console.log("Schedule stopped.");
      });
    });
}
