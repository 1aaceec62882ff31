import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { growthInProcess } from "../helpers/cli.ts";
import { CRM, rows } from "./crm-rows.ts";
import { dumpCrm, tempDb } from "./store-probe.ts";

const HEADER =
  "Deal - ID,Deal - Title,Deal - Organization,Deal - Contact person,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status,Deal - Owner,Deal - Deal created,Deal - Won time,Deal - Lost time,Deal - Deal closed on,Deal - Lost reason,Deal - Expected close date";
const deal = (id: number, value: string) =>
  `${id},Deal ${id},Fjord Maritime AS,Erik Haugen,"${value}",EUR,Proposal Made,Open,Ingrid Solberg,2026-02-10 09:15:00,,,,,2026-06-30`;

describe("growth import: European money", () => {
  it("reads 1.234,56 €, €1 234,56 and 1.234.567 € by the documented rule and refuses an ambiguous 1.234 € with the reason", async () => {
    const dir = mkdtempSync(join(tmpdir(), "growth-eur-"));
    for (const file of ["organizations-export.csv", "people-export.csv"])
      copyFileSync(join(CRM, "pipedrive", file), join(dir, file));
    writeFileSync(
      join(dir, "deals-export.csv"),
      [
        HEADER,
        deal(401, "1.234,56 €"),
        deal(402, "€1 234,56"),
        deal(403, "1.234.567 €"),
        deal(404, "1.234 €"),
      ].join("\n"),
    );
    const db = tempDb();
    const result = await growthInProcess(["--db", db, "import", dir, "--from", "pipedrive"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `amount "1.234 €" is not a plain decimal number and is ambiguous: "." before three digits groups thousands`,
    );
    const amounts = Object.fromEntries(
      rows(await dumpCrm(db)).opportunities.map((o) => [o.id, o.amount_cents]),
    );
    expect(amounts).toEqual({ "401": 123_456, "402": 123_456, "403": 123_456_700 });
  }, 60_000);
});
