import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { openStore, resolveStoreLocation } from "../../store/db.ts";
import { seedCommand } from "./seed.ts";

// The real withContext also builds the orchestrator's app; seeding needs only the store.
vi.mock("../context.ts", () => ({
  withContext: async (command: Command, fn: (ctx: { store: unknown }) => Promise<unknown>) => {
    const store = await openStore(resolveStoreLocation(command.optsWithGlobals<{ db?: string }>().db));
    try {
      return await fn({ store });
    } finally {
      await store.close();
    }
  },
}));

const dir = mkdtempSync(join(tmpdir(), "growth-seed-cmd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function program(): Command {
  return new Command("growth").option("--db <file>").exitOverride().addCommand(seedCommand().exitOverride());
}

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  await program().parseAsync(["node", "growth", ...args]);
  return lines;
}

describe("growth seed", () => {
  const file = join(dir, "growth.db");

  it("seeds an empty store on the anchor it is given and prints a one-paragraph summary", async () => {
    const [summary, ...rest] = await run("--db", file, "seed", "--anchor", "2026-11-01");
    expect(rest).toEqual([]);
    expect(summary).toMatch(/^Seeded .*growth\.db with seed 42 \(anchor 2026-11-01T00:00:00\.000Z/);
    expect(summary).toMatch(/320 accounts, [\d,]+ contacts/);
  });

  it("anchors at the start of the day it runs when no anchor is given", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-03-14T15:09:26Z") });
    try {
      const [summary] = await run("--db", join(dir, "today.db"), "seed");
      expect(summary).toContain("(anchor 2031-03-14T00:00:00.000Z");
    } finally {
      vi.useRealTimers();
    }
    const store = await openStore(join(dir, "today.db"));
    const last = await store.db
      .selectFrom("touches")
      .select((eb) => eb.fn.max("occurred_at").as("at"))
      .executeTakeFirstOrThrow();
    await store.close();
    // The data reach up to the day it was seeded, so "the last 30 days" is populated.
    expect(String(last.at) > "2031-03-07").toBe(true);
    expect(String(last.at) <= "2031-03-14T00:00:00.000Z").toBe(true);
  });

  it("rejects an anchor that is not an ISO 8601 date", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await expect(run("--db", join(dir, "bad.db"), "seed", "--anchor", "next tuesday")).rejects.toThrow(
      /ISO 8601 date, e\.g\. --anchor 2026-12-01/,
    );
    // A user error (exit 2), raised before the store is opened.
    await expect(run("--db", join(dir, "bad.db"), "seed", "--anchor", "2026-02-31")).rejects.toBeInstanceOf(
      UserError,
    );
    expect(existsSync(join(dir, "bad.db"))).toBe(false);
  });

  it("refuses a store with data with a user error (exit code 2) naming --force and --db", async () => {
    const attempt = run("--db", file, "seed", "--seed", "9");
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(/already has data; use --force to wipe and reseed, or --db/);
  });

  it("wipes and reseeds with --force and a new seed", async () => {
    const [summary] = await run("--db", file, "seed", "--force", "--seed", "9");
    expect(summary).toContain("with seed 9 ");
    const store = await openStore(file);
    const accounts = await store.db.selectFrom("accounts").select("domain").execute();
    await store.close();
    expect(accounts).toHaveLength(320);
  });

  it("rejects a seed that is not a whole number", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await expect(run("--db", file, "seed", "--seed", "abc")).rejects.toThrow(/non-negative whole number/);
  });
});
