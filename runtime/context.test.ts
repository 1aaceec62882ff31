import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../domain/errors.ts";
import { showModelNotice, withOrchestrator } from "./context.ts";

const dir = mkdtempSync(join(tmpdir(), "growth-context-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("showModelNotice", () => {
  it("writes the notice once per process and nothing when there is none", () => {
    const lines: string[] = [];
    const write = (line: string) => void lines.push(line);
    showModelNotice(null, write);
    showModelNotice("playbook mode", write);
    showModelNotice("playbook mode", write);
    expect(lines).toEqual(["playbook mode\n"]);
  });
});

describe("withOrchestrator", () => {
  it("refuses a bad model config before opening the store or running anything", async () => {
    const file = join(dir, "never.db");
    const command = new Command("x").option("--db <file>");
    command.parse(["node", "x", "--db", file]);
    let ran = false;
    const attempt = withOrchestrator(
      command,
      async () => {
        ran = true;
      },
      { env: { GROWTH_MODEL: "openai" } },
    );
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(/GROWTH_MODEL="openai" is not a model/);
    expect(ran).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it("hands the command an orchestrator in the configured mode", async () => {
    const command = new Command("x").option("--db <file>");
    command.parse(["node", "x", "--db", join(dir, "ok.db")]);
    const mode = await withOrchestrator(command, async ({ models }) => models.mode, { env: {} });
    expect(mode).toBe("playbook");
  });
});
