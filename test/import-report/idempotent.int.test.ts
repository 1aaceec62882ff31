import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as growth } from "../helpers/in-process-cli.ts";
import { dumpCrm, FIXTURES, tempDb } from "./store-probe.ts";

// A copy of the good set with some edits, as the next export from the CRM would look.
function editedCopy(edits: Record<string, [string, string][]>): string {
  const dir = mkdtempSync(join(tmpdir(), "growth-csv-"));
  cpSync(join(FIXTURES, "good"), dir, { recursive: true });
  for (const [file, replacements] of Object.entries(edits)) {
    let text = readFileSync(join(dir, file), "utf8");
    for (const [from, to] of replacements) {
      if (!text.includes(from)) throw new Error(`fixture edit not found in ${file}: ${from}`);
      text = text.replace(from, to);
    }
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe("growth import is idempotent", () => {
  it("re-importing the same files changes nothing and reports every row unchanged", async () => {
    const db = tempDb();
    expect((await growth(["--db", db, "import", join(FIXTURES, "good")])).code).toBe(0);
    const first = await dumpCrm(db);
    const again = await growth(["--db", db, "import", join(FIXTURES, "good")]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
    expect(again.stdout).toMatch(/accounts\.csv\s+4\s+0\s+0\s+4\s+0/);
    expect(again.stdout).toMatch(/contacts\.csv\s+6\s+0\s+0\s+6\s+0/);
    expect(again.stdout).toMatch(/opportunities\.csv\s+6\s+0\s+0\s+6\s+0/);
    expect(again.stdout).toMatch(/touches\.csv\s+13\s+0\s+0\s+13\s+0/);
    // Byte for byte, including updated_at and the stage-history ids.
    expect(await dumpCrm(db)).toEqual(first);
  });

  it("a changed export updates only what changed; a stage change adds exactly one history row", async () => {
    const db = tempDb();
    expect((await growth(["--db", db, "import", join(FIXTURES, "good")])).code).toBe(0);
    const before = await dumpCrm(db);
    const dir = editedCopy({
      "opportunities.csv": [
        ["o4,delta.com,Delta trial,3000,USD,proposal", "o4,delta.com,Delta trial,3000,USD,negotiation"],
        ["o5,acme.com,Acme add-on,2000,", "o5,acme.com,Acme add-on,2500,"],
      ],
      // dan is unsubscribed in the store; an export saying false must not re-subscribe him.
      "contacts.csv": [["Head of Ops,gamma.co.uk,sql,false,true", "Head of Ops,gamma.co.uk,sql,false,false"]],
      "touches.csv": [["t31,eve@delta.com,linkedin", "t31,eve@delta.com,email"]],
    });

    const result = await growth(["--db", db, "import", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/contacts\.csv\s+6\s+0\s+0\s+6\s+0/);
    expect(result.stdout).toMatch(/opportunities\.csv\s+6\s+0\s+2\s+4\s+0/);
    expect(result.stdout).toMatch(/touches\.csv\s+13\s+0\s+1\s+12\s+0/);

    const after = await dumpCrm(db);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.contacts).toContainEqual(
      expect.objectContaining({ email: "dan@gamma.co.uk", unsubscribed: 1 }),
    );
    expect(after.opportunities).toContainEqual(expect.objectContaining({ id: "o4", stage: "negotiation" }));
    expect(after.opportunities).toContainEqual(
      expect.objectContaining({ id: "o5", stage: "negotiation", amount_cents: 250_000 }),
    );
    const added = after.opportunity_stage_history.slice(before.opportunity_stage_history.length);
    expect(added).toEqual([
      expect.objectContaining({
        opportunity_id: "o4",
        from_stage: "proposal",
        to_stage: "negotiation",
        reason: "csv import",
      }),
    ]);

    // The same edited export again: nothing moves.
    const third = await growth(["--db", db, "import", dir]);
    expect(third.stdout).toMatch(/opportunities\.csv\s+6\s+0\s+0\s+6\s+0/);
    expect(await dumpCrm(db)).toEqual(after);

    // The report sees the move: o4 (3000) is now weighted 0.8 → 2400 + o5 2500 × 0.8 = 2000 + o6 150.05.
    const json = JSON.parse((await growth(["--db", db, "report", "--json"])).stdout) as {
      pipeline: { weighted_value: number; open_value: number };
      conversion: { from: string; entered: number; reached: number }[];
    };
    expect(json.pipeline).toMatchObject({ open_value: 7000.5, weighted_value: 4550.05 });
    // o4 entered proposal and reached negotiation: the proposal cohort converts 1 of 1.
    expect(json.conversion.find((c) => c.from === "proposal")).toMatchObject({ entered: 1, reached: 1 });
  });
});
