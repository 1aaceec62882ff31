import { resolve } from "node:path";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { type EvalCommandOptions, runEvalCommand } from "../../evals/run.ts";

function count(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new InvalidArgumentError("give a whole number from 1 to 20.");
  return n;
}

/** `growth eval`: scores the eval suites against the committed baseline; exits 1 on a regression. */
export function evalCommand(): Command {
  return new Command("eval")
    .description(
      "run the eval suites (routing, trajectory, policy, content), write JSON, JUnit and markdown reports, and compare with evals/baseline.json",
    )
    .option("--suite <names>", "only these suites, comma-separated (routing, trajectory, policy, content)")
    .option("--model <spec>", "playbook (default, offline), openai:<model> or anthropic:<model>", "playbook")
    .option("--repeat <n>", "runs per case; a case passes only if every run passes", count, 1)
    .option("--filter <text>", "only cases whose id, description, tags or agents contain this text")
    .option("--bless", "write the baseline from this run (deliberately accept the current scores)")
    .option(
      "--bless-held-out",
      "rewrite the held-out routing hash list (deliberately accept edited or removed held-out cases)",
    )
    .option(
      "--judge <spec>",
      "score content drafts with this LLM judge too (openai:<model> or anthropic:<model>)",
    )
    .option("--baseline <file>", "the baseline to compare with or bless (default evals/baseline.json)")
    .option("--out <dir>", "where to write the results folder (default evals/results)")
    .option("--concurrency <n>", "cases in flight at once", count, 4)
    .action(
      async (options: Omit<EvalCommandOptions, "onProgress"> & { baseline?: string }, command: Command) => {
        const { baseline, ...rest } = options;
        const bar = process.stderr.isTTY
          ? new SingleBar({
              format: "eval [{bar}] {value}/{total} {case}",
              stream: process.stderr,
              hideCursor: true,
            })
          : null;
        let started = false;
        const outcome = await runEvalCommand({
          ...rest,
          ...(options.out ? { out: resolve(options.out) } : {}),
          ...(baseline ? { baselineFile: resolve(baseline) } : {}),
          onProgress: (done, total, key) => {
            if (!bar) return;
            if (!started) {
              bar.start(total, 0, { case: "" });
              started = true;
            }
            bar.update(done, { case: key });
          },
        }).finally(() => bar?.stop());
        console.log(outcome.text);
        if (outcome.exitCode !== 0)
          command.error("growth eval: regression against the baseline", { exitCode: 1 });
      },
    );
}
