import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../test/helpers/in-process-cli.ts";
import { COMMANDS, commandNameOf } from "./cli.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the command table", () => {
  it("finds the command an argv runs, past --db and through `help`", () => {
    expect(commandNameOf(["node", "growth"])).toBeUndefined();
    expect(commandNameOf(["node", "growth", "--help"])).toBeUndefined();
    expect(commandNameOf(["node", "growth", "report", "--json"])).toBe("report");
    expect(commandNameOf(["node", "growth", "--db", "x.db", "runs"])).toBe("runs");
    expect(commandNameOf(["node", "growth", "--db=x.db", "runs"])).toBe("runs");
    expect(commandNameOf(["node", "growth", "help", "prune"])).toBe("prune");
    expect(commandNameOf(["node", "growth", "trace", "help"])).toBe("trace");
  });

  it("loads, for each entry, the command of that name, each name once", async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of COMMANDS) expect((await entry.load()).name()).toBe(entry.name);
  });

  it("`growth --help` lists every command from the table without loading any of them", async () => {
    const loads = COMMANDS.map((entry) => vi.spyOn(entry, "load"));
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const entry of COMMANDS)
      expect(help.stdout).toMatch(
        new RegExp(`\\n  ${entry.name} +${escapeRegExp(entry.summary.slice(0, 20))}`),
      );
    for (const load of loads) expect(load).not.toHaveBeenCalled();
  });

  it("`growth <cmd>` loads only that command", async () => {
    const loads = new Map(COMMANDS.map((entry) => [entry.name, vi.spyOn(entry, "load")]));
    const plays = await runCli(["plays", "--json"]);
    expect(plays.code).toBe(0);
    expect(JSON.parse(plays.stdout)).not.toHaveLength(0);
    for (const [name, load] of loads) expect(load).toHaveBeenCalledTimes(name === "plays" ? 1 : 0);
  });

  it("keeps the exit codes: an unknown command or option is bad input (2), `--help` of a command 0", async () => {
    expect((await runCli(["no-such-command"])).code).toBe(2);
    expect((await runCli(["report", "--no-such-option"])).code).toBe(2);
    const prune = await runCli(["prune", "--help"]);
    expect(prune.code).toBe(0);
    expect(prune.stdout).toContain("--older-than <age>");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
