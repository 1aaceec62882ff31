import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { evalCommand } from "../../runtime/commands/eval.ts";

const dir = mkdtempSync(join(tmpdir(), "growth-eval-cmd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function program(): Command {
  return new Command("growth").exitOverride().addCommand(evalCommand().exitOverride());
}

async function run(...args: string[]): Promise<string> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  await program().parseAsync(["node", "growth", "eval", ...args]);
  return lines.join("\n");
}

describe("growth eval", () => {
  it("runs a filtered suite, prints the tables and writes the three reports", async () => {
    const out = join(dir, "one");
    const text = await run("--suite", "trajectory", "--filter", "lq-", "--out", out);
    expect(text).toMatch(/^suite\s+cases\s+passed\s+score\s+Δ baseline\s+tokens\s+cost/);
    expect(text).toMatch(/trajectory\s+\d+\s+\d+\s+100\.0%\s+—\s+0\s+\$0 \(playbook\)/);
    expect(text).toContain("lead-engagement");
    expect(text).toContain("Matches the baseline exactly.");
    const [folder] = readdirSync(out);
    expect(readdirSync(join(out, folder!)).sort()).toEqual(["junit.xml", "results.json", "summary.md"]);
  });

  it("refuses an unknown suite, a bad repeat, a bad model and a filtered bless", async () => {
    await expect(run("--suite", "vibes")).rejects.toThrow(
      /Unknown suite vibes; the suites are routing, trajectory, policy, content/,
    );
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await expect(run("--repeat", "0")).rejects.toThrow(/whole number from 1 to 20/);
    await expect(run("--model", "gpt4")).rejects.toBeInstanceOf(UserError);
    await expect(run("--bless", "--filter", "x")).rejects.toThrow(/--bless needs whole suites/);
  });
});
