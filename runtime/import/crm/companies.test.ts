import { describe, expect, it } from "vitest";
import type { CsvRow } from "../read-csv.ts";
import { companyKey, resolveCompanies } from "./companies.ts";
import type { MappedFile } from "./read-export.ts";

const file = (name: MappedFile["name"], rows: Record<string, string>[]): MappedFile => ({
  name,
  path: name,
  csv: { ok: true, rows: rows.map((values, i): CsvRow => ({ line: i + 2, values })), problems: [] },
});

describe("company names to domains", () => {
  it("ignores case, punctuation and legal forms", () => {
    expect(companyKey("Brightline Logistics, Inc.")).toBe(companyKey("BRIGHTLINE LOGISTICS"));
    expect(companyKey("Helios Renewables GmbH")).toBe("helios renewables");
    expect(companyKey("Tallis & Co")).toBe("tallis");
  });

  it("prefers a known account, then the email domain most contacts use; ties and free mail stay unresolved", () => {
    const contacts = file("contacts.csv", [
      { email: "a@globex.com", company: "Globex" },
      { email: "b@globex.com", company: "Globex" },
      { email: "c@globex-old.com", company: "Globex" },
      { email: "d@one.com", company: "Tied" },
      { email: "e@two.com", company: "Tied" },
      { email: "f@gmail.com", company: "Solo Consulting" },
    ]);
    const deals = file("opportunities.csv", [
      { company: "Acme Inc", account_domain: "" },
      { company: "Globex", account_domain: "" },
      { company: "Tied", account_domain: "" },
      { company: "Solo Consulting", account_domain: "" },
    ]);
    const accounts = file("accounts.csv", [
      { name: "Globex Corporation", domain: "" },
      { name: "Tied", domain: "" },
    ]);
    const unresolved = resolveCompanies([accounts, contacts, deals], [{ domain: "acme.com", name: "ACME" }]);
    const domains = (f: MappedFile, column: string) =>
      f.csv.ok ? f.csv.rows.map((r) => r.values[column]) : [];
    expect(domains(accounts, "domain")).toEqual(["globex.com", ""]);
    expect(domains(deals, "account_domain")).toEqual(["acme.com", "globex.com", "", ""]);
    const linked = ["globex.com", "globex.com", "globex.com", undefined, undefined, undefined];
    expect(domains(contacts, "account_domain")).toEqual(linked);
    expect(unresolved).toEqual([
      { name: "Solo Consulting", rows: 2 },
      { name: "Tied", rows: 4 },
    ]);
  });
});
