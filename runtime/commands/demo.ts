import cliProgress from "cli-progress";
import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { nextDemoIndex } from "../../store/queries/demo-candidates.ts";
import { countDeadLetters } from "../../store/repos/dead-letters.ts";
import { usageSummary } from "../../store/repos/llm-calls.ts";
import { unfinishedRuns } from "../../store/repos/runs.ts";
import { withOrchestrator } from "../context.ts";
import { DEMO_APPROVAL_POLICY_TEXT } from "../demo/approval-policy.ts";
import { settleByDemoPolicy, settleLeftovers } from "../demo/settle.ts";
import { demoStreamSource } from "../demo/source.ts";
import { demoStream } from "../demo/stream.ts";
import { DemoTally } from "../demo/summary.ts";
import { buildReport, renderReport } from "../report/index.ts";
import { pruneStore, pruneSummary } from "../retention.ts";
import { RunControl } from "../run-control.ts";
import { DEFAULT_SEED, formatSeedSummary, parseAnchor, seedAnchor, seedIfEmpty } from "../seed/index.ts";

/** `growth demo` (what `npm start` runs): seed if empty, play growth events through the graph, then report. */
export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "seed the store if empty, play a stream of growth events through the graph, and print the report and a summary",
    )
    .option("--events <n>", "how many stream events to play", (v) => Number.parseInt(v, 10), 500)
    .option("--seed <n>", "demo data and stream seed", (v) => Number.parseInt(v, 10), DEFAULT_SEED)
    .option(
      "--anchor <date>",
      "the date an empty store's demo data ends on (ISO 8601; default: the start of today, UTC)",
    )
    .option("--dry-run", "decide everything but execute no effect")
    .option("--no-progress", "no progress bar")
    .action(
      async (
        options: { events: number; seed: number; anchor?: string; dryRun?: boolean; progress: boolean },
        command: Command,
      ) => {
        if (!Number.isInteger(options.events) || options.events < 1 || options.events > 100_000) {
          throw new UserError("events_invalid", "--events takes a whole number from 1 to 100000.");
        }
        if (!Number.isInteger(options.seed) || options.seed < 0)
          throw new UserError("seed_invalid", "--seed takes a non-negative whole number.");
        const anchor = options.anchor === undefined ? seedAnchor(new Date()) : parseAnchor(options.anchor);
        if (!anchor)
          throw new UserError("anchor_invalid", "--anchor takes an ISO 8601 date such as 2026-12-01.");
        const started = performance.now();
        // SIGTERM / SIGINT drain at a superstep boundary; the next start resumes what was cut short.
        const control = new RunControl();
        const untrap = control.trapSignals();
        try {
          await withOrchestrator(
            command,
            async ({ store, orchestrator }) => {
              const seeded = await seedIfEmpty(store, { seed: options.seed, now: anchor });
              const source = await demoStreamSource(store.db, new Date());
              console.log(
                seeded
                  ? formatSeedSummary(seeded, store.name)
                  : `Using the data already in ${store.name}${source.record ? ` (seed ${source.record.seed}, anchored at ${source.record.anchor}; \`growth seed --force\` re-anchors it at today)` : ""}.`,
              );

              const tally = new DemoTally();
              const resumed = await orchestrator.resumeUnfinished();
              for (const outcome of resumed) tally.add(await settleByDemoPolicy(orchestrator, outcome));
              for (const outcome of await settleLeftovers(orchestrator, store.db)) tally.add(outcome);

              const from = await nextDemoIndex(store.db, options.seed);
              const to = from + options.events;
              // The stream depends on its seed and position only (see demoStreamSource), not on the store's changes.
              const stream = demoStream(source.candidates, {
                seed: options.seed,
                start: source.start,
                from,
                to,
              });
              console.log(
                `Playing events ${from + 1}–${to} of the demo stream${options.dryRun ? " (dry run: no effects)" : ""}.\nApproval policy: ${DEMO_APPROVAL_POLICY_TEXT}.`,
              );
              const bar = options.progress
                ? new cliProgress.SingleBar(
                    {
                      format: "  {bar} {value}/{total} events · {runs} runs · {conflicts} conflicts",
                      stream: process.stderr,
                      hideCursor: true,
                    },
                    cliProgress.Presets.shades_classic,
                  )
                : null;
              bar?.start(stream.length, 0, { runs: 0, conflicts: 0 });
              for (const item of stream) {
                if (control.draining) break;
                const outcome = await orchestrator.submitEvent(item.event, {
                  at: item.at,
                  dryRun: options.dryRun,
                });
                tally.add(await settleByDemoPolicy(orchestrator, outcome));
                bar?.increment(1, {
                  runs: tally.runs,
                  conflicts: [...tally.conflicts.values()].reduce((a, b) => a + b, 0),
                });
              }
              bar?.stop();
              if (control.draining) {
                const left = (await unfinishedRuns(store.db)).length;
                console.log(
                  `Stopped on ${control.drainReason}: ${tally.runs} runs done, ${left} left at a checkpoint; leases released. Run \`npm start\` (or \`growth resume\`) to finish.`,
                );
                return;
              }

              // Retention on its own: settled threads keep one checkpoint, old finished plays none.
              const pruned = await pruneStore(store.db);
              console.log("");
              console.log(renderReport(await buildReport(store.db, {})));
              console.log("");
              const deadLetters = (await countDeadLetters(store.db)).open ?? 0;
              console.log(
                tally.render({
                  deadLetters,
                  resumed: resumed.length,
                  seconds: (performance.now() - started) / 1000,
                  policy: DEMO_APPROVAL_POLICY_TEXT,
                  usage: await usageSummary(store.db, "model", { since: tally.startedAt }),
                }),
              );
              console.log(`checkpoints: ${pruneSummary(pruned)}`);
            },
            { control },
          );
        } finally {
          untrap();
        }
      },
    );
}
