import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { growthInProcess } from "../helpers/cli.ts";
import { account, CRM, rows } from "./crm-rows.ts";
import { countCrm, dumpCrm, tempDb } from "./store-probe.ts";

describe("growth import: dry runs, maps and headers", () => {
  it("--dry-run shows what would be imported and writes nothing, not even a store file", async () => {
    const db = tempDb();
    const result = await growthInProcess([
      "--db",
      db,
      "import",
      join(CRM, "hubspot"),
      "--from",
      "hubspot",
      "--dry-run",
    ]);
    expect(result.stdout).toContain("dry run: nothing was written");
    expect(result.stdout).toMatch(
      /contacts\.csv \(hubspot-crm-exports-all-contacts-2026-04-01\.csv\)\s+6\s+6\s+0\s+0\s+0/,
    );
    expect(existsSync(db)).toBe(false);
    // On an existing store too: the counts are reported, the store stays as it was.
    await growthInProcess(["--db", db, "import", join(CRM, "salesforce"), "--from", "salesforce"]);
    const before = await dumpCrm(db);
    const dry = await growthInProcess([
      "--db",
      db,
      "import",
      join(CRM, "hubspot"),
      "--from",
      "hubspot",
      "--dry-run",
    ]);
    expect(dry.stdout).toMatch(
      /accounts\.csv \(hubspot-crm-exports-all-companies-2026-04-01\.csv\)\s+3\s+3\s+0\s+0\s+0/,
    );
    expect(await dumpCrm(db)).toEqual(before);
  });

  it("--map maps any other CRM's export; a bad map file exits 2 naming the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "growth-crm-"));
    writeFileSync(
      join(dir, "Close-leads-export.csv"),
      "Lead Name,URL,Industry\nPelican Freight,https://pelicanfreight.com,Logistics\n",
    );
    const map = join(dir, "close.json");
    writeFileSync(
      map,
      JSON.stringify({
        name: "Close",
        files: {
          accounts: { match: ["leads"], columns: { name: "Lead Name", domain: "URL", industry: "Industry" } },
        },
      }),
    );
    const db = tempDb();
    const ok = await growthInProcess(["--db", db, "import", dir, "--map", map]);
    expect(ok.code).toBe(0);
    expect(rows(await dumpCrm(db)).accounts).toEqual([
      account("pelicanfreight.com", "Pelican Freight", "Logistics", null, null, null),
    ]);

    writeFileSync(
      map,
      JSON.stringify({
        name: "Close",
        files: { accounts: { match: ["leads"], columns: { nmae: "Lead Name" } } },
      }),
    );
    const bad = await growthInProcess(["--db", tempDb(), "import", dir, "--map", map]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /not a valid import map: .*files\.accounts\.columns\.name: .*files\.accounts\.columns/,
    );
    expect(bad.stderr).toContain("nmae");
  });

  it("refuses an unknown --from and a header that names a column twice (exit 2, nothing written)", async () => {
    const unknown = await growthInProcess([
      "--db",
      tempDb(),
      "import",
      join(CRM, "hubspot"),
      "--from",
      "zoho",
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--from "zoho" is not a CRM the import knows; use one of hubspot, salesforce, pipedrive',
    );

    const dir = mkdtempSync(join(tmpdir(), "growth-dup-"));
    writeFileSync(
      join(dir, "accounts.csv"),
      "Domain,Name,industry,employees,country,owner,NAME\nacme.com,Acme,,,,,Other\n",
    );
    const db = tempDb();
    const twice = await growthInProcess(["--db", db, "import", dir]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('accounts.csv:1: column "NAME" appears twice (columns 2 and 7)');
    expect((await countCrm(db)).accounts).toBe(0);
  });

  it("reads the project's own headers in any case and spacing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "growth-case-"));
    writeFileSync(
      join(dir, "accounts.csv"),
      "Owner, DOMAIN ,Name,Industry,Employees,Country\nDana,Acme.com,Acme,SaaS,12,US\n",
    );
    const db = tempDb();
    const result = await growthInProcess(["--db", db, "import", dir]);
    expect(result.code).toBe(0);
    expect(rows(await dumpCrm(db)).accounts).toEqual([account("acme.com", "Acme", "SaaS", 12, "US", "Dana")]);
  });
});
