import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { loadPrompts, PROMPT_FILE_IDS, PROMPTS_DIR } from "../../prompts/load.ts";
import { LOCK_FILE } from "../../prompts/lock.ts";
import { promptsCommand } from "./prompts.ts";

// A git repository holding a copy of the prompts, committed once, so edits and diffs stay in a temp folder.
let dir = "";
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: dir, stdio: "pipe" });
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "growth-prompts-cmd-"));
  for (const name of [...PROMPT_FILE_IDS.map((id) => `${id}.md`), LOCK_FILE]) {
    writeFileSync(join(dir, name), readFileSync(join(PROMPTS_DIR, name), "utf8"));
  }
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "prompts");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(...line.split("\n")));
  const program = new Command("growth").exitOverride().addCommand(promptsCommand({ dir }).exitOverride());
  await program.parseAsync(["node", "growth", "prompts", ...args]);
  return lines;
}
const edit = (id: string, change: (source: string) => string) =>
  writeFileSync(join(dir, `${id}.md`), change(readFileSync(join(dir, `${id}.md`), "utf8")));

describe("growth prompts", () => {
  it("lists every prompt with its version, short hash, lock status and models", async () => {
    const [header, ...rows] = await run("list");
    expect(header).toMatch(/^id\s+version\s+hash\s+lock\s+models$/);
    expect(rows).toHaveLength(12);
    const hash = loadPrompts(dir)["deal-closer"].hash.slice(0, 12);
    expect(rows.find((r) => r.startsWith("deal-closer "))).toMatch(
      new RegExp(
        `^deal-closer\\s+1\\.0\\.0\\s+${hash}\\s+locked\\s+openai:gpt-4o-mini, anthropic:claude-haiku-4-5$`,
      ),
    );
  });

  it("shows the front matter and the full text the model sees, rules included", async () => {
    const lines = await run("show", "deal-closer");
    expect(lines.slice(0, 3)).toEqual([
      "id: deal-closer",
      "version: 1.0.0",
      `hash: ${loadPrompts(dir)["deal-closer"].hash}`,
    ]);
    expect(lines.join("\n")).toContain(`\n\n${loadPrompts(dir)["deal-closer"].text}`);
    await expect(run("show", "nobody")).rejects.toThrow(/There is no prompt "nobody"; use one of/);
  });

  it("passes check when nothing changed, and says the diff is empty", async () => {
    expect(await run("check")).toEqual(["All 12 prompt files match prompts.lock.json."]);
    expect(await run("diff", "deal-closer")).toEqual(["prompts/deal-closer.md is unchanged since HEAD."]);
  });

  it("fails check on a text change without a bump, naming the prompt; lock refuses it too", async () => {
    edit("deal-closer", (s) => `${s}Always ask for the budget.\n`);
    const attempt = run("check");
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(
      "Prompt deal-closer changed but its version is still 1.0.0: bump `version` in prompts/deal-closer.md and run `growth prompts lock`.",
    );
    await expect(run("lock")).rejects.toThrow(/Prompt deal-closer changed/);
  });

  it("diffs the file against HEAD, then passes check once the version is bumped and the lock rewritten", async () => {
    edit("deal-closer", (s) => s.replace("version: 1.0.0", "version: 1.1.0"));
    const diff = await run("diff", "deal-closer", "--against", "HEAD");
    expect(diff).toContain("--- HEAD:prompts/deal-closer.md");
    expect(diff).toContain("+++ worktree:prompts/deal-closer.md");
    expect(diff).toContain("-version: 1.0.0");
    expect(diff).toContain("+version: 1.1.0");
    expect(diff).toContain("+Always ask for the budget.");
    await expect(run("check")).rejects.toThrow(/deal-closer is at 1\.1\.0 but locked at 1\.0\.0/);
    expect(await run("lock")).toEqual(["Locked 12 prompt files; updated deal-closer."]);
    expect(await run("check")).toEqual(["All 12 prompt files match prompts.lock.json."]);
    expect(await run("lock")).toEqual(["prompts.lock.json was already up to date."]);
  });

  it("names a revision that lacks the file", async () => {
    await expect(run("diff", "deal-closer", "--against", "no-such-rev")).rejects.toThrow(
      /prompts\/deal-closer\.md is not in git revision "no-such-rev"/,
    );
  });
});
