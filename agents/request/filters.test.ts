import { describe, expect, it } from "vitest";
import { describeFilters, parseDateRange, parseFilters, unappliedNote } from "./filters.ts";
import { accountReferences, asksForFollowUp } from "./references.ts";

const NOW = new Date("2026-12-01T09:00:00Z");
const known = {
  industries: ["Fintech", "Healthcare", "SaaS"],
  countries: ["AT", "CH", "DE", "FR", "GB", "US"],
  owners: ["Dana Whitfield", "Luis Ortega"],
};
const parse = (text: string) => parseFilters(text, known, NOW);

describe("request filters, read against the store's known values", () => {
  it("finds the country and the industry of 'fintech accounts in Germany'", () => {
    const f = parse("plan a campaign for fintech accounts in Germany");
    expect(f.countries).toEqual(["DE"]);
    expect(f.industries).toEqual(["Fintech"]);
    expect(f.named).toEqual([
      { kind: "country", said: "Germany" },
      { kind: "industry", said: "Fintech" },
    ]);
  });

  it("reads a region as the known countries inside it, and aliases of a country", () => {
    expect(parse("SaaS accounts in DACH").countries).toEqual(["AT", "CH", "DE"]);
    expect(parse("healthcare firms in the UK").countries).toEqual(["GB"]);
    expect(parse("accounts in the United States").countries).toEqual(["US"]);
    // "us" the pronoun is no country, and a country the store does not hold is not invented.
    expect(parse("who should chase us this week?").named).toEqual([]);
    expect(parse("accounts in Japan").countries).toEqual([]);
    expect(parse("accounts in APAC").named).toEqual([{ kind: "region", said: "APAC" }]);
  });

  it("reads size bands, stages, owners, date ranges and channels", () => {
    expect(parse("mid-market SaaS").sizeBands).toEqual(["201-1000"]);
    expect(parse("companies with 1001-5000 employees").sizeBands).toEqual(["1001-5000"]);
    expect(parse("deals in negotiation owned by Dana Whitfield").stages).toEqual(["negotiation"]);
    expect(parse("deals in negotiation owned by Dana Whitfield").owners).toEqual(["Dana Whitfield"]);
    expect(parse("review Luis's deals").owners).toEqual(["Luis Ortega"]);
    expect(parse("proposal-stage deals").stages).toEqual(["proposal"]);
    expect(parse("a campaign on LinkedIn").channels).toEqual(["linkedin"]);
    expect(parse("the daily marketing KPI report").named).toEqual([]);
    expect(parse("leads created in the last 30 days").dateRange?.label).toBe("last 30 days to 1 Dec");
    expect(parseDateRange("signups over the past 2 weeks", NOW)?.from.toISOString()).toBe(
      "2026-11-17T09:00:00.000Z",
    );
    expect(parseDateRange("pipeline since 2026-10-01", NOW)?.label).toBe("1 Oct to 1 Dec");
    // Timing is not a filter.
    expect(parseDateRange("who should we chase this week?", NOW)).toBeNull();
  });

  it("says plainly which named filters were not applied", () => {
    const f = parse("plan a campaign for fintech accounts in Germany created in the last 30 days");
    expect(unappliedNote(f, ["industry", "country", "region"])).toBe(
      "Could not apply date range last 30 days to 1 Dec: this answer does not filter by it.",
    );
    expect(unappliedNote(f, ["industry", "country", "date_range"])).toBeNull();
    expect(describeFilters(f, ["country"])).toBe("country Germany");
  });
});

describe("contact references", () => {
  it("'the CFO of X', 'X's CFO' and 'CFO at x.com' all name the account", () => {
    expect(accountReferences("draft a follow-up to the CFO of Waters Advisory")).toContain("Waters Advisory");
    expect(accountReferences("draft a follow-up to Waters Advisory's CFO")).toContain("Waters Advisory");
    expect(accountReferences("Ask Waters Advisory's CFO for a call")[0]).toBe("Ask Waters Advisory");
    expect(accountReferences("Ask Waters Advisory's CFO for a call")).toContain("Waters Advisory");
    expect(accountReferences("draft a follow-up to the CFO at watersadvisory.com")[0]).toBe(
      "watersadvisory.com",
    );
    expect(accountReferences("email the VP Sales at Acme")).toContain("Acme");
  });

  it("tells a follow-up from a first touch", () => {
    expect(asksForFollowUp("draft a follow-up to Acme's CFO")).toBe(true);
    expect(asksForFollowUp("follow up with Bea")).toBe(true);
    expect(asksForFollowUp("write an intro email to Acme's CFO")).toBe(false);
  });
});
