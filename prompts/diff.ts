import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../domain/errors.ts";
import { PROMPTS_DIR, type PromptFileId } from "./load.ts";

/** A prompt file's text at a git revision, via `git show <rev>:./<id>.md` run in the prompts folder. */
export function promptAtRevision(id: PromptFileId, rev: string, dir: string = PROMPTS_DIR): string {
  try {
    return execFileSync("git", ["show", `${rev}:./${id}.md`], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (cause) {
    throw new UserError(
      "prompt_not_in_revision",
      `prompts/${id}.md is not in git revision "${rev}": commit it first, or pass --against <rev> with a revision that has it.`,
      { cause },
    );
  }
}

/** The unified diff of a prompt file from `rev` to the working tree; empty when they are the same. */
export function promptDiff(id: PromptFileId, rev: string, dir: string = PROMPTS_DIR): string {
  const before = promptAtRevision(id, rev, dir);
  const after = readFileSync(join(dir, `${id}.md`), "utf8");
  if (before === after) return "";
  const scratch = mkdtempSync(join(tmpdir(), "growth-prompt-diff-"));
  try {
    for (const [side, text] of [
      ["before", before],
      ["after", after],
    ] as const) {
      mkdirSync(join(scratch, side));
      writeFileSync(join(scratch, side, `${id}.md`), text);
    }
    const result = spawnSync(
      "git",
      [
        "diff",
        "--no-index",
        "--no-color",
        `--src-prefix=${rev}:prompts/`,
        "--dst-prefix=worktree:prompts/",
        "--",
        `before/${id}.md`,
        `after/${id}.md`,
      ],
      { cwd: scratch, encoding: "utf8" },
    );
    // git diff --no-index exits 1 when the files differ, which is what we expect here.
    if (result.status !== 1) {
      throw new UserError("prompt_diff_failed", `git diff failed: ${result.stderr.trim() || "no output"}.`);
    }
    return result.stdout.replaceAll("prompts/before/", "prompts/").replaceAll("prompts/after/", "prompts/");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
