import { readFileSync } from "node:fs";
import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { recordRejection } from "../../store/repos/rejections.ts";
import { withContext, withOrchestrator } from "../context.ts";
import { Orchestrator } from "../orchestrator.ts";
import { pathsJson } from "../outcome.ts";
import { outcomeJson, outcomeText } from "../render.ts";

/** Reads a JSON document from a file or standard input (`-`), with a clear message when it is not JSON. */
export function readJsonInput(source: string): unknown {
  let text: string;
  try {
    text = source === "-" ? readFileSync(0, "utf8") : readFileSync(source, "utf8");
  } catch (cause) {
    throw new UserError(
      "input_unreadable",
      `Cannot read ${source === "-" ? "standard input" : source}: check the path.`,
      {
        cause,
      },
    );
  }
  if (text.length > 1_000_000)
    throw new UserError("input_too_large", `${source} is larger than 1 MB; send events one by one.`);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const where = source === "-" ? "standard input" : source;
    throw new UserError("input_not_json", `${where} is not valid JSON (${(cause as Error).message}).`, {
      cause,
    });
  }
}

/** `growth emit <file|->`: runs one event (or an array of events) through the graph. */
export function emitCommand(): Command {
  return new Command("emit")
    .description(
      "run one growth event (a JSON file, or - for standard input) and print the route, decisions and effects",
    )
    .argument("<file>", "JSON file with one event or an array of events; - reads standard input")
    .option("--json", "print JSON: route, decisions, effects")
    .option(
      "--dry-run",
      "run everything up to the effects node and print what would be done, writing no effect",
    )
    .action(async (file: string, options: { json?: boolean; dryRun?: boolean }, command: Command) => {
      const input = readJsonInput(file);
      const raws = Array.isArray(input) ? input : [input];
      // Validate everything before accepting anything: a bad event in a batch rejects the batch, and the
      // refusal is recorded (why, and a hash of what came in) apart from the event log, which stays untouched.
      for (const [i, raw] of raws.entries()) {
        try {
          Orchestrator.parseEvent(raw);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          await withContext(command, ({ store }) =>
            recordRejection(store.db, {
              source: "emit",
              kind: "event",
              issues: (error.details?.issues as string[] | undefined) ?? [error.message],
              payload: JSON.stringify(raw) ?? "",
              at: new Date(),
            }),
          );
          if (raws.length > 1) {
            throw new UserError(error.code, `Event ${i + 1} of ${raws.length}: ${error.message}`);
          }
          throw error;
        }
      }
      await withOrchestrator(command, async ({ orchestrator, store }) => {
        // A run an earlier process left mid-way is finished first, so its thread is free for the new event.
        const resumed = await orchestrator.resumeUnfinished();
        if (resumed.length > 0) console.error(`Resumed ${resumed.length} unfinished run(s) first.`);
        const outcomes = [];
        for (const raw of raws)
          outcomes.push(await orchestrator.submitEvent(raw, { dryRun: options.dryRun }));
        if (options.json) {
          const json = [];
          for (const o of outcomes) json.push({ ...outcomeJson(o), ...(await pathsJson(store, o)) });
          console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
        } else {
          console.log(outcomes.map(outcomeText).join("\n\n"));
        }
      });
    });
}
