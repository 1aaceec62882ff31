import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { growthInProcess } from "../helpers/cli.ts";
import { countCrm, dumpCrm, tempDb } from "./store-probe.ts";

const CRM = join(import.meta.dirname, "..", "fixtures", "crm");

const account = (
  domain: string,
  name: string,
  industry: string,
  employees: number | null,
  country: string | null,
  owner: string | null,
) => ({
  domain,
  name,
  industry,
  employees,
  country,
  owner,
});
const contact = (
  email: string,
  first_name: string,
  last_name: string,
  title: string,
  account_domain: string | null,
  lifecycle_stage: string,
  unsubscribed: 0 | 1,
  created_at: string,
) => ({
  email,
  first_name,
  last_name,
  title,
  account_domain,
  lifecycle_stage,
  do_not_contact: 0,
  unsubscribed,
  created_at,
});
const deal = (
  id: string,
  account_domain: string,
  name: string,
  amount_cents: number,
  currency: string,
  stage: string,
  owner: string,
  created_at: string,
  closed_at: string | null,
  lost_reason: string | null,
) => ({ id, account_domain, name, amount_cents, currency, stage, owner, created_at, closed_at, lost_reason });

// Drops the columns the import stamps with the time it ran.
function rows(dump: Awaited<ReturnType<typeof dumpCrm>>) {
  const without = (r: unknown, keys: string[]) =>
    Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !keys.includes(k)));
  return {
    accounts: dump.accounts.map((r) => without(r, ["created_at", "updated_at"])),
    contacts: dump.contacts.map((r) => without(r, ["updated_at", "bounced"])),
    opportunities: dump.opportunities.map((r) => without(r, ["updated_at"])),
  };
}

describe("growth import --from <crm>: standard exports, checked row by row", () => {
  it("HubSpot: companies, contacts and deals; money, US dates, stages, lifecycle, domains from emails", async () => {
    const db = tempDb();
    const dir = join(CRM, "hubspot");
    const result = await growthInProcess(["--db", db, "import", dir, "--from", "HubSpot"]);
    expect(result.code).toBe(1);
    const stderr = result.stderr.split("\n").filter((l) => l !== "");
    expect(stderr).toEqual([
      expect.stringMatching(
        /all-contacts-2026-04-01\.csv:7: warning: first_name "=HYPERLINK\(.*starts with "=", which a spreadsheet runs as a formula/,
      ),
      expect.stringMatching(
        /all-deals-2026-04-01\.csv:5: company "Ortiz Consulting" could not be resolved to a domain/,
      ),
      expect.stringContaining('company names not resolved to a domain: "Ortiz Consulting" (2 rows)'),
      expect.stringContaining("1 row or file was rejected; the rest was imported"),
    ]);
    expect(rows(await dumpCrm(db))).toEqual({
      accounts: [
        account(
          "brightline-logistics.com",
          "Brightline Logistics, Inc.",
          "LOGISTICS_AND_SUPPLY_CHAIN",
          340,
          "Germany",
          "Marco Jensen",
        ),
        // No domain in the export: taken from the email domain both of its contacts use.
        account(
          "cobalthealth.co.uk",
          "Cobalt Health",
          "HOSPITAL_HEALTH_CARE",
          85,
          "United Kingdom",
          "Dana Whitfield",
        ),
        account(
          "northwind-analytics.com",
          "Northwind Analytics",
          "COMPUTER_SOFTWARE",
          1200,
          "United States",
          "Dana Whitfield",
        ),
      ],
      contacts: [
        contact(
          "amelia.clarke@cobalthealth.co.uk",
          "Amelia",
          "Clarke",
          "CFO",
          "cobalthealth.co.uk",
          "mql",
          1,
          "2026-02-20T00:00:00.000Z",
        ),
        contact(
          "ann.smith@northwind-analytics.com",
          '=HYPERLINK("http://evil.example","click")',
          "Smith",
          "Analyst",
          "northwind-analytics.com",
          "lead",
          0,
          "2026-03-30T00:00:00.000Z",
        ),
        contact(
          "j.weber@brightline-logistics.com",
          "Jonas",
          "Weber",
          "Head of Operations",
          "brightline-logistics.com",
          "sql",
          0,
          "2026-03-14T10:05:00.000Z",
        ),
        contact(
          "priya.raman@northwind-analytics.com",
          "Priya",
          "Raman",
          "VP Finance",
          "northwind-analytics.com",
          "customer",
          0,
          "2026-03-02T00:00:00.000Z",
        ),
        // Free mail and an unknown company: no account, listed as unresolved.
        contact(
          "sam.ortiz@gmail.com",
          "Sam",
          "Ortiz",
          "Consultant",
          null,
          "subscriber",
          0,
          "2026-01-05T00:00:00.000Z",
        ),
        contact(
          "tom.baker@cobalthealth.co.uk",
          "Tom",
          "Baker",
          "IT Director",
          "cobalthealth.co.uk",
          "lead",
          0,
          "2026-02-21T00:00:00.000Z",
        ),
      ],
      opportunities: [
        deal(
          "7001",
          "northwind-analytics.com",
          "Northwind renewal 2026",
          4_800_000,
          "USD",
          "closed_won",
          "Dana Whitfield",
          "2026-01-10T00:00:00.000Z",
          "2026-03-31T00:00:00.000Z",
          null,
        ),
        // An open deal's "Close Date" is only expected: not stored as closed_at.
        deal(
          "7002",
          "brightline-logistics.com",
          "Brightline fleet analytics",
          12_050_050,
          "USD",
          "negotiation",
          "Marco Jensen",
          "2026-02-02T00:00:00.000Z",
          null,
          null,
        ),
        deal(
          "7003",
          "cobalthealth.co.uk",
          "Cobalt pilot",
          990_000,
          "USD",
          "closed_lost",
          "Dana Whitfield",
          "2026-01-28T00:00:00.000Z",
          "2026-03-20T00:00:00.000Z",
          "Went with a competitor",
        ),
      ],
    });
  });

  it("Salesforce: report exports with labels; stage picklist; company names matched ignoring legal forms", async () => {
    const db = tempDb();
    const result = await growthInProcess([
      "--db",
      db,
      "import",
      join(CRM, "salesforce"),
      "--from",
      "salesforce",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('opportunities-report.csv:5: amount "TBD" is not a plain decimal number');
    expect(result.stderr).toContain('company names not resolved to a domain: "Ferri Robotics" (1 row)');
    expect(rows(await dumpCrm(db))).toEqual({
      accounts: [
        account("helios-renewables.de", "Helios Renewables GmbH", "Energy", 2400, "Germany", "Lena Fischer"),
        account("quarryvale.com", "Quarry & Vale Partners", "Finance", 45, "United States", "Ravi Patel"),
      ],
      contacts: [
        contact(
          "katrin.vogel@helios-renewables.de",
          "Katrin",
          "Vogel",
          "Head of Procurement",
          "helios-renewables.de",
          "lead",
          0,
          "2026-02-03T00:00:00.000Z",
        ),
        contact(
          "lucia@ferri-robotics.it",
          "Lucia",
          "Ferri",
          "CTO",
          null,
          "lead",
          0,
          "2026-03-01T00:00:00.000Z",
        ),
        contact(
          "owen@quarryvale.com",
          "Owen",
          "Marsh",
          "Managing Partner",
          "quarryvale.com",
          "lead",
          1,
          "2026-01-19T00:00:00.000Z",
        ),
      ],
      opportunities: [
        deal(
          "0065g00000AbCdEAAA",
          "helios-renewables.de",
          "Helios - Grid Forecasting",
          4_800_000,
          "USD",
          "closed_won",
          "Lena Fischer",
          "2025-12-15T00:00:00.000Z",
          "2026-03-31T00:00:00.000Z",
          null,
        ),
        deal(
          "0065g00000AbCdFAAA",
          "helios-renewables.de",
          "Helios - Expansion",
          7_525_000,
          "USD",
          "proposal",
          "Lena Fischer",
          "2026-02-20T00:00:00.000Z",
          null,
          null,
        ),
        deal(
          "0065g00000AbCdGAAA",
          "quarryvale.com",
          "Q&V - Advisory Seats",
          1_200_000,
          "USD",
          "closed_lost",
          "Ravi Patel",
          "2026-01-20T00:00:00.000Z",
          "2026-03-15T00:00:00.000Z",
          "not recorded in the Salesforce export",
        ),
      ],
    });
  });

  it("Pipedrive: organizations without websites resolve from people's emails; won/lost from the status", async () => {
    const db = tempDb();
    const result = await growthInProcess([
      "--db",
      db,
      "import",
      join(CRM, "pipedrive"),
      "--from",
      "pipedrive",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deals-export.csv:5: company "Nordlys Retail" could not be resolved');
    expect(rows(await dumpCrm(db))).toEqual({
      accounts: [
        account("fjordmaritime.no", "Fjord Maritime AS", "Shipping", null, null, "Ingrid Solberg"),
        account("tallis.fr", "Tallis & Co", "Consulting", null, null, "Ingrid Solberg"),
      ],
      contacts: [
        contact(
          "claire@tallis.fr",
          "Claire",
          "Tallis",
          "Founder",
          "tallis.fr",
          "lead",
          0,
          "2026-02-20T09:00:00.000Z",
        ),
        contact(
          "erik.haugen@fjordmaritime.no",
          "Erik",
          "Haugen",
          "COO",
          "fjordmaritime.no",
          "lead",
          0,
          "2026-01-12T08:30:00.000Z",
        ),
        contact(
          "nora.lind@fjordmaritime.no",
          "Nora",
          "Lind",
          "Finance Director",
          "fjordmaritime.no",
          "lead",
          0,
          "2026-02-03T13:45:10.000Z",
        ),
      ],
      opportunities: [
        deal(
          "301",
          "fjordmaritime.no",
          "Fjord fleet telemetry",
          4_800_000,
          "EUR",
          "closed_won",
          "Ingrid Solberg",
          "2026-01-15T10:00:00.000Z",
          "2026-03-31T16:20:00.000Z",
          null,
        ),
        deal(
          "302",
          "fjordmaritime.no",
          "Fjord crew scheduling",
          2_250_050,
          "EUR",
          "proposal",
          "Ingrid Solberg",
          "2026-02-10T09:15:00.000Z",
          null,
          null,
        ),
        deal(
          "303",
          "tallis.fr",
          "Tallis retainer",
          900_000,
          "EUR",
          "closed_lost",
          "Ingrid Solberg",
          "2026-02-21T11:00:00.000Z",
          "2026-03-10T09:00:00.000Z",
          "Budget cut",
        ),
      ],
    });
    // Importing the same export again changes nothing.
    const again = await growthInProcess([
      "--db",
      db,
      "import",
      join(CRM, "pipedrive"),
      "--from",
      "pipedrive",
    ]);
    expect(again.stdout).toMatch(/opportunities\.csv \(deals-export\.csv\)\s+4\s+0\s+0\s+3\s+1/);
  });

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
