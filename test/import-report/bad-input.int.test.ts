import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as growth } from "../helpers/in-process-cli.ts";
import { countCrm, dumpCrm, FIXTURES, tempDb } from "./store-probe.ts";

const EMPTY = { accounts: 0, contacts: 0, opportunities: 0, opportunity_stage_history: 0, touches: 0 };

async function importDir(db: string, dir: string) {
  return growth(["--db", db, "import", dir]);
}

function errorLines(stderr: string): string[] {
  return stderr
    .trim()
    .split("\n")
    .filter((l) => l !== "");
}

describe("growth import with bad input", () => {
  it("a missing folder: one line, exit 2, and no store file is created", async () => {
    const db = tempDb();
    const result = await importDir(db, join(FIXTURES, "does-not-exist"));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([
      expect.stringMatching(
        /^error: .*does-not-exist is not a folder; give the folder that holds accounts\.csv/,
      ),
    ]);
    const { existsSync } = await import("node:fs");
    expect(existsSync(db)).toBe(false);
  });

  it("a folder with none of the four files: exit 2", async () => {
    const result = await importDir(tempDb(), join(FIXTURES, "no-files"));
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([expect.stringContaining("holds none of accounts.csv")]);
  });

  it("wrong headers: one line per file naming the file, line 1 and the missing columns; exit 2, nothing written", async () => {
    const db = tempDb();
    const result = await importDir(db, join(FIXTURES, "bad-header"));
    expect(result.code).toBe(2);
    const dir = join(FIXTURES, "bad-header");
    expect(errorLines(result.stderr)).toEqual([
      `${dir}/accounts.csv:1: missing column "name"; the header must hold domain,name,industry,employees,country,owner`,
      expect.stringMatching(/^.*\/contacts\.csv:1: missing columns "account_domain", "created_at"; /),
      expect.stringMatching(
        /^error: nothing was imported from .*bad-header: fix the 2 problems listed above/,
      ),
    ]);
    expect(await countCrm(db)).toEqual(EMPTY);
  });

  it("bad rows: one `file:line: reason` line each, good rows imported, exit 1", async () => {
    const db = tempDb();
    const result = await importDir(db, join(FIXTURES, "bad-rows"));
    expect(result.code).toBe(1);
    const accounts = join(FIXTURES, "bad-rows", "accounts.csv");
    const opps = join(FIXTURES, "bad-rows", "opportunities.csv");
    // Physical lines: the header is line 1; o8's quoted name spans lines 9–10, so the duplicate o1 is line 11.
    expect(errorLines(result.stderr)).toEqual([
      `${accounts}:3: employees "forty" is not a whole number of 0 or more`,
      `${accounts}:5: domain "gmail.com" is not a company domain (free-mail and malformed domains cannot be accounts)`,
      `${opps}:3: amount "-500" is negative; amounts must be 0 or more`,
      `${opps}:4: stage "won" is not a stage; use one of new, qualified, discovery, proposal, negotiation, closed_won, closed_lost`,
      `${opps}:5: the row has 8 fields but the header has 10`,
      `${opps}:6: created_at "2025-02-31" is not an ISO 8601 time; write it like 2025-03-31 or 2025-03-31T14:00:00Z`,
      `${opps}:7: stage closed_lost needs a lost_reason`,
      `${opps}:8: account_domain "nowhere.example" is not in the store; add it to accounts.csv first`,
      `${opps}:11: duplicate id "o1" (first on line 2); the first row is kept`,
      `${opps}:12: amount "1,200.00" is not a plain decimal number; write it like 1234.50 (no currency sign or thousands separator, at most 2 decimals)`,
      `${opps}:13: closed_at is set but stage "proposal" is open; clear closed_at or give the closing stage`,
      `${opps}:14: broken quoting: text follows a closing quote; write a quote inside quoted text as ""`,
      "12 rows or files were rejected; the rest was imported. Fix them and re-run: rows already imported stay unchanged.",
    ]);
    expect(result.stdout).toMatch(/accounts\.csv\s+4\s+2\s+0\s+0\s+2/);
    expect(result.stdout).toMatch(/opportunities\.csv\s+12\s+2\s+0\s+0\s+10/);

    // Consistent: the two good accounts (acme.com and beta.io from line 4), the two good deals each with one
    // stage-history row, o8's multi-line name intact, and nothing from a rejected row.
    const dump = await dumpCrm(db);
    expect(dump.accounts.map((a) => (a as { domain: string }).domain)).toEqual(["acme.com", "beta.io"]);
    expect(dump.opportunities).toEqual([
      expect.objectContaining({ id: "o1", amount_cents: 1_200_000, stage: "closed_won" }),
      expect.objectContaining({ id: "o8", name: 'Beta "phase 2"\n(multi-line name)', amount_cents: 45_050 }),
    ]);
    expect(dump.opportunity_stage_history).toEqual([
      expect.objectContaining({ opportunity_id: "o1", from_stage: null, to_stage: "closed_won" }),
      expect.objectContaining({ opportunity_id: "o8", from_stage: null, to_stage: "discovery" }),
    ]);
  });

  it("every row bad (negative amount, unknown account): exit 2 and the store unchanged", async () => {
    const db = tempDb();
    expect((await importDir(db, join(FIXTURES, "good"))).code).toBe(0);
    const before = await dumpCrm(db);
    // bad-all names acme.com, which this store has, so put it in a fresh store where it does not exist.
    const fresh = tempDb();
    const result = await importDir(fresh, join(FIXTURES, "bad-all"));
    expect(result.code).toBe(2);
    const file = join(FIXTURES, "bad-all", "opportunities.csv");
    expect(errorLines(result.stderr)).toEqual([
      `${file}:2: account_domain "acme.com" is not in the store; add it to accounts.csv first`,
      `${file}:3: amount "-5" is negative; amounts must be 0 or more`,
      expect.stringMatching(/^error: nothing was imported from .*bad-all: fix the 2 problems listed above/),
    ]);
    expect(await countCrm(fresh)).toEqual(EMPTY);
    // A failed import into the populated store leaves every row as it was.
    expect((await importDir(db, join(FIXTURES, "bad-header"))).code).toBe(2);
    expect(await dumpCrm(db)).toEqual(before);
  });
});
