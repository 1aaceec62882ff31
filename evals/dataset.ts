import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../domain/errors.ts";
import { describeIssues } from "../domain/events.ts";
import { sourcePath } from "../domain/source-path.ts";
import { EvalCase, type Suite } from "./schema.ts";

/** Where the committed datasets live. */
export const DATASETS_DIR = sourcePath(import.meta.url, "./datasets/");

/** Parses one JSONL dataset; every bad line is reported at once with its line number and fields. */
export function parseDataset(text: string, file: string, suite: Suite): EvalCase[] {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    const at = `${file}:${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      problems.push(`${at}: not valid JSON`);
      return;
    }
    const parsed = EvalCase.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${at}: ${describeIssues(parsed.error).join("; ")}`);
      return;
    }
    if (parsed.data.suite !== suite)
      problems.push(`${at}: suite "${parsed.data.suite}" in the ${suite} dataset`);
    else if (ids.has(parsed.data.id)) problems.push(`${at}: duplicate id ${parsed.data.id}`);
    else {
      ids.add(parsed.data.id);
      cases.push(parsed.data);
    }
  });
  if (problems.length > 0) {
    throw new UserError(
      "eval_dataset_invalid",
      `The eval dataset ${file} is invalid; fix these lines (see evals/README.md):\n  ${problems.join("\n  ")}`,
    );
  }
  return cases;
}

/** Loads one suite's dataset from `<dir>/<suite>.jsonl`. */
export function loadSuite(suite: Suite, dir: string = DATASETS_DIR): EvalCase[] {
  const file = join(dir, `${suite}.jsonl`);
  if (!existsSync(file)) {
    throw new UserError(
      "eval_dataset_missing",
      `No dataset ${file}; run \`npx tsx evals/datasets/generate.ts\`.`,
    );
  }
  return parseDataset(readFileSync(file, "utf8"), file, suite);
}
