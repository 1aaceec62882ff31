import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../domain/errors.ts";
import { loadPromptFiles, PROMPT_FILE_IDS, PROMPTS_DIR } from "./load.ts";
import { checkLock, compareVersions, LOCK_FILE, readLock, writeLock } from "./lock.ts";

describe("the committed prompts", () => {
  it("match prompts/prompts.lock.json: a changed text needs a version bump and `growth prompts lock`", () => {
    const problems = checkLock(loadPromptFiles(), readLock())
      .map((f) => f.message)
      .filter(Boolean);
    expect(problems).toEqual([]);
  });
});

describe("checkLock and writeLock", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A copy of the prompt files and the lock in a temp folder. */
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "growth-prompt-lock-"));
    dirs.push(dir);
    for (const id of PROMPT_FILE_IDS) {
      writeFileSync(join(dir, `${id}.md`), readFileSync(join(PROMPTS_DIR, `${id}.md`), "utf8"));
    }
    writeFileSync(join(dir, LOCK_FILE), readFileSync(join(PROMPTS_DIR, LOCK_FILE), "utf8"));
    return dir;
  };
  const edit = (dir: string, id: string, change: (source: string) => string) =>
    writeFileSync(join(dir, `${id}.md`), change(readFileSync(join(dir, `${id}.md`), "utf8")));
  const statusOf = (dir: string, id: string) =>
    checkLock(loadPromptFiles(dir), readLock(dir)).find((f) => f.id === id)!;

  it("flags a text edit without a bump, naming the prompt and the fix, and writeLock refuses it", () => {
    const dir = copy();
    edit(dir, "deal-closer", (s) => `${s}\nAlways ask for the budget.\n`);
    const finding = statusOf(dir, "deal-closer");
    expect(finding.status).toBe("unversioned-change");
    expect(finding.message).toBe(
      "Prompt deal-closer changed but its version is still 1.0.0: bump `version` in prompts/deal-closer.md and run `growth prompts lock`.",
    );
    expect(statusOf(dir, "lead-engagement").status).toBe("locked");
    expect(() => writeLock(dir)).toThrow(UserError);
    expect(() => writeLock(dir)).toThrow(/Prompt deal-closer changed/);
  });

  it("accepts the edit once the version is bumped and the lock rewritten", () => {
    const dir = copy();
    edit(dir, "rules", (s) => `${s.replace("version: 1.0.0", "version: 1.1.0")}\n- Be brief.\n`);
    expect(statusOf(dir, "rules")).toMatchObject({ status: "stale" });
    expect(statusOf(dir, "rules").message).toMatch(
      /at 1\.1\.0 but locked at 1\.0\.0: run `growth prompts lock`/,
    );
    const { lock, changed } = writeLock(dir);
    expect(changed).toEqual(["rules"]);
    expect(lock.prompts.rules).toEqual({ version: "1.1.0", hash: loadPromptFiles(dir).rules.bodyHash });
    expect(checkLock(loadPromptFiles(dir), readLock(dir)).every((f) => f.status === "locked")).toBe(true);
  });

  it("ignores front-matter-only edits, refuses a version that goes down, and reports unlocked files", () => {
    const dir = copy();
    edit(dir, "supervisor", (s) => s.replace(/^notes: .*$/m, "notes: reworded"));
    expect(statusOf(dir, "supervisor").status).toBe("locked");
    edit(dir, "supervisor", (s) => s.replace("version: 1.0.0", "version: 0.9.9"));
    expect(statusOf(dir, "supervisor").status).toBe("version-down");
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ schemaVersion: 1, prompts: {} }));
    expect(statusOf(dir, "deal-closer")).toMatchObject({ status: "unlocked" });
  });

  it("fails on a malformed lock with what to run", () => {
    const dir = copy();
    writeFileSync(join(dir, LOCK_FILE), '{"schemaVersion":2}');
    expect(() => readLock(dir)).toThrow(/malformed; run `growth prompts lock`/);
  });
});

describe("compareVersions", () => {
  it("orders numerically, not as text", () => {
    expect(compareVersions("1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0", "1.0.1")).toBeLessThan(0);
    expect(compareVersions("2.3.4", "2.3.4")).toBe(0);
  });
});
