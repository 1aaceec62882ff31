import { readFileSync } from "node:fs";
import { Command } from "commander";
import { SystemError, UserError } from "../../domain/errors.ts";
import { jsonDepth, MAX_JSON_DEPTH } from "../../domain/json-depth.ts";
import { isPostgresUrl } from "../../store/postgres/url.ts";
import { type RunResult, settledRunResult } from "../../store/queries/run-result.ts";
import { recordRejection } from "../../store/repos/rejections.ts";
import { storeFile, withContext, withOrchestrator } from "../context.ts";
import { checkEvents } from "../events/check.ts";
import { pathsJson } from "../outcome.ts";
import { outcomeJson, outcomeText } from "../render.ts";

/** The largest event file or input `growth emit` reads. */
export const MAX_INPUT_CHARS = 1_000_000;

/** Reads a JSON document from a file or standard input (`-`), with a clear message when it is not JSON. */
export function readJsonInput(source: string): unknown {
  return parseJsonInput(readInputText(source), source);
}

/** The text of a file or of standard input (`-`); a UserError when it cannot be read. */
export function readInputText(source: string): string {
  try {
    return source === "-" ? readFileSync(0, "utf8") : readFileSync(source, "utf8");
  } catch (cause) {
    throw new UserError(
      "input_unreadable",
      `Cannot read ${source === "-" ? "standard input" : source}: check the path.`,
      { cause },
    );
  }
}

/**
 * Parses input text as JSON, refusing (UserError, exit 2) text over 1 MB, text that is not JSON and JSON
 * nested deeper than MAX_JSON_DEPTH, before anything walks it recursively.
 */
export function parseJsonInput(text: string, source: string): unknown {
  const where = source === "-" ? "standard input" : source;
  if (text.length > MAX_INPUT_CHARS)
    throw new UserError("input_too_large", `${where} is larger than 1 MB; send events one by one.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new UserError("input_not_json", `${where} is not valid JSON (${(cause as Error).message}).`, {
      cause,
    });
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) {
    throw new UserError(
      "input_too_deep",
      `${where} nests JSON more than ${MAX_JSON_DEPTH} levels deep; an event is a flat object with a small data object.`,
    );
  }
  return value;
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
    .option(
      "--wait [seconds]",
      "on a PostgreSQL store, where workers execute runs: wait (default 300 s) for each run to settle and print its result",
    )
    .action(
      async (
        file: string,
        options: { json?: boolean; dryRun?: boolean; wait?: string | true },
        command: Command,
      ) => {
        const text = readInputText(file);
        const refuse = async (error: UserError): Promise<never> => {
          await withContext(command, ({ store }) =>
            recordRejection(store.db, {
              source: "emit",
              kind: "input",
              issues: [error.code],
              payload: text,
              at: new Date(),
            }),
          );
          throw error;
        };
        let input: unknown;
        try {
          input = parseJsonInput(text, file);
        } catch (error) {
          if (error instanceof UserError) await refuse(error);
          throw error;
        }
        const raws = Array.isArray(input) ? input : [input];
        if (raws.length === 0) {
          await refuse(
            new UserError(
              "input_empty",
              `${file === "-" ? "standard input" : file} holds an empty array: nothing to run; give one event or an array of events.`,
            ),
          );
        }
        // Validate everything before accepting anything: a bad event in a batch rejects the batch.
        await withContext(command, ({ store }) => checkEvents(store.db, raws, "emit"));
        // At scale (PostgreSQL) intake only accepts and enqueues: `growth worker` processes execute the runs.
        const queued = isPostgresUrl(storeFile(command));
        const waitMs = waitSeconds(options.wait) * 1000;
        await withOrchestrator(
          command,
          async ({ orchestrator, store }) => {
            if (!queued) {
              // A run an earlier process left mid-way is finished first, so its thread is free for the new event.
              const resumed = await orchestrator.resumeUnfinished();
              if (resumed.length > 0) console.error(`Resumed ${resumed.length} unfinished run(s) first.`);
            }
            const outcomes = [];
            for (const raw of raws)
              outcomes.push(await orchestrator.submitEvent(raw, { dryRun: options.dryRun }));
            if (queued && options.wait !== undefined) {
              const results = await waitForResults(
                store.db,
                outcomes.map((o) => o.duplicateOf ?? o.runId),
                waitMs,
              );
              console.log(
                options.json
                  ? JSON.stringify(results.length === 1 ? results[0] : results, null, 2)
                  : results.map(resultText).join("\n"),
              );
              return;
            }
            if (options.json) {
              const json = [];
              for (const o of outcomes) json.push({ ...outcomeJson(o), ...(await pathsJson(store, o)) });
              console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
            } else {
              console.log(outcomes.map(outcomeText).join("\n\n"));
            }
          },
          { dispatch: "workers" },
        );
      },
    );
}

function waitSeconds(option: string | true | undefined): number {
  if (option === undefined || option === true) return 300;
  const n = Number(option);
  if (!Number.isFinite(n) || n <= 0)
    throw new UserError("emit_wait_invalid", `--wait ${option} must be a number of seconds above 0.`);
  return n;
}

/** Polls until every run settled (finished or waiting for approval); a timeout is a SystemError naming the rest. */
async function waitForResults(
  db: Parameters<typeof settledRunResult>[0],
  runIds: string[],
  waitMs: number,
): Promise<RunResult[]> {
  const until = Date.now() + waitMs;
  const results = new Map<string, RunResult>();
  for (;;) {
    for (const id of runIds) {
      if (results.has(id)) continue;
      const result = await settledRunResult(db, id);
      if (result) results.set(id, result);
    }
    if (results.size === new Set(runIds).size) return runIds.map((id) => results.get(id) as RunResult);
    if (Date.now() > until) {
      const left = runIds.filter((id) => !results.has(id));
      throw new SystemError(
        "emit_wait_timeout",
        `${left.length} run(s) did not settle in ${waitMs / 1000} s (${left.slice(0, 3).join(", ")}): is a \`growth worker\` running on this database? \`growth health\` shows the queue.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function resultText(r: RunResult): string {
  const executed = r.effects.filter((e) => e.status === "sent").length;
  return `run ${r.runId} on ${r.threadId}: ${r.status} (${executed} effect(s))`;
}
