import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { promptDiff } from "../../prompts/diff.ts";
import {
  loadPromptFiles,
  loadPrompts,
  PROMPT_FILE_IDS,
  PROMPTS_DIR,
  type PromptFileId,
} from "../../prompts/load.ts";
import { checkLock, LOCK_FILE, readLock, writeLock } from "../../prompts/lock.ts";

/**
 * `growth prompts list|show|diff|check|lock`: the versioned prompt files, their hashes and the lock that
 * makes a text change without a version bump fail. `dir` is for tests.
 */
export function promptsCommand(options: { dir?: string } = {}): Command {
  const dir = options.dir ?? PROMPTS_DIR;
  const command = new Command("prompts").description(
    `Versioned prompts: list, show, diff against git, and check them against ${LOCK_FILE}.`,
  );
  command
    .command("list")
    .description(
      "List every prompt: id, version, hash of the text the model sees (short), lock status, models.",
    )
    .action(function listPrompts() {
      const files = loadPromptFiles(dir);
      const prompts = loadPrompts(dir);
      const status = new Map(checkLock(files, readLock(dir)).map((f) => [f.id, f.status]));
      const rows = PROMPT_FILE_IDS.map((id) => [
        id,
        files[id].meta.version,
        (id === "rules" ? files.rules.bodyHash : prompts[id].hash).slice(0, 12),
        status.get(id) ?? "",
        files[id].meta.models.join(", ") || "-",
      ]);
      for (const line of table([["id", "version", "hash", "lock", "models"], ...rows])) console.log(line);
    });
  command
    .command("show <id>")
    .description("Print a prompt's front matter, hash and the full text the model sees (rules included).")
    .action(function showPrompt(id: string) {
      const file = loadPromptFiles(dir)[promptId(id)];
      const text = file.id === "rules" ? file.body : loadPrompts(dir)[file.id].text;
      const hash = file.id === "rules" ? file.bodyHash : loadPrompts(dir)[file.id].hash;
      const lock = checkLock(loadPromptFiles(dir), readLock(dir)).find((f) => f.id === file.id);
      console.log(
        [
          `id: ${file.id}`,
          `version: ${file.meta.version}`,
          `hash: ${hash}`,
          `models: ${file.meta.models.join(", ") || "-"}`,
          `notes: ${file.meta.notes || "-"}`,
          `lock: ${lock?.status ?? "unlocked"}`,
          "",
          text,
        ].join("\n"),
      );
    });
  command
    .command("diff <id>")
    .description("Show the text diff of a prompt file against a git revision (default HEAD).")
    .option("--against <rev>", "git revision to compare with", "HEAD")
    .action(function diffPrompt(this: Command, id: string) {
      const { against } = this.opts<{ against: string }>();
      const diff = promptDiff(promptId(id), against, dir);
      console.log(diff ? diff.trimEnd() : `prompts/${id}.md is unchanged since ${against}.`);
    });
  command
    .command("check")
    .description(`Fail when a prompt's text changed but its version did not (compares with ${LOCK_FILE}).`)
    .action(function checkPrompts() {
      const findings = checkLock(loadPromptFiles(dir), readLock(dir)).filter((f) => f.status !== "locked");
      if (findings.length > 0) {
        throw new UserError("prompts_unlocked", findings.map((f) => f.message).join("\n"));
      }
      console.log(`All ${PROMPT_FILE_IDS.length} prompt files match ${LOCK_FILE}.`);
    });
  command
    .command("lock")
    .description(`Rewrite ${LOCK_FILE} from the prompt files; refuses a text change without a version bump.`)
    .action(function lockPrompts() {
      const { changed } = writeLock(dir);
      console.log(
        changed.length > 0
          ? `Locked ${PROMPT_FILE_IDS.length} prompt files; updated ${changed.join(", ")}.`
          : `${LOCK_FILE} was already up to date.`,
      );
    });
  return command;
}

/** Checks a prompt id from the command line. */
function promptId(id: string): PromptFileId {
  if ((PROMPT_FILE_IDS as readonly string[]).includes(id)) return id as PromptFileId;
  throw new UserError(
    "prompt_unknown",
    `There is no prompt "${id}"; use one of ${PROMPT_FILE_IDS.join(", ")}.`,
  );
}

/** Left-aligned columns, two spaces apart. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}
