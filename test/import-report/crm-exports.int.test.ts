import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { growthInProcess } from "../helpers/cli.ts";
import { account, CRM, contact, deal, rows } from "./crm-rows.ts";
import { dumpCrm, tempDb } from "./store-probe.ts";

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
});
