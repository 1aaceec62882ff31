import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { junitXml } from "./junit.ts";
import { markdownSummary } from "./markdown.ts";
import type { ReportInput } from "./meta.ts";

/** A folder name from a start time that sorts in time order and is safe on every file system. */
export function resultsFolderName(startedAt: string): string {
  return startedAt.replaceAll(":", "-");
}

/** Writes results.json, junit.xml and summary.md into `<dir>/<timestamp>/`; returns that folder. */
export function writeReports(dir: string, input: ReportInput): string {
  const folder = join(dir, resultsFolderName(input.startedAt));
  mkdirSync(folder, { recursive: true });
  const json = {
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    prompts: input.prompts,
    comparison: input.comparison,
    ...input.results,
  };
  writeFileSync(join(folder, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(folder, "junit.xml"), junitXml(input));
  writeFileSync(join(folder, "summary.md"), markdownSummary(input));
  return folder;
}
