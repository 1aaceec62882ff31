import { describe, expect, it } from "vitest";
import { isoDate, plainAmount, plainCount, plainFlag } from "./values.ts";

describe("export values", () => {
  it("reads month-first and day-first dates and times as ISO in UTC", () => {
    expect(isoDate("3/31/2026", "mdy")).toBe("2026-03-31");
    expect(isoDate("31/3/2026", "dmy")).toBe("2026-03-31");
    expect(isoDate("3/31/2026 2:05 PM", "mdy")).toBe("2026-03-31T14:05:00Z");
    expect(isoDate("3/31/2026, 12:30 am", "mdy")).toBe("2026-03-31T00:30:00Z");
    expect(isoDate("2026-03-31 14:05", "mdy")).toBe("2026-03-31 14:05");
    expect(isoDate("31.03.2026", "dmy")).toBe("2026-03-31");
    expect(isoDate("soon", "mdy")).toBe("soon");
  });

  it("reads money with symbols, codes and thousands separators; keeps a minus for the row check", () => {
    expect(plainAmount("$48,000.00")).toBe("48000.00");
    expect(plainAmount("USD 1,234,567.5")).toBe("1234567.5");
    expect(plainAmount("48000")).toBe("48000");
    expect(plainAmount("12,500 EUR")).toBe("12500");
    expect(plainAmount("-$5.00")).toBe("-5.00");
    expect(plainAmount("about 5k")).toBe("about 5k");
  });

  it("reads European money by the documented rule and leaves ambiguous or malformed amounts for the row check", () => {
    expect(plainAmount("1.234,56 €")).toBe("1234.56");
    expect(plainAmount("€1 234,56")).toBe("1234.56");
    expect(plainAmount("€1\u00a0234,56")).toBe("1234.56");
    expect(plainAmount("1\u202f234\u202f567,5 EUR")).toBe("1234567.5");
    expect(plainAmount("EUR 1.234.567,89")).toBe("1234567.89");
    expect(plainAmount("1234,5 €")).toBe("1234.5");
    expect(plainAmount("1.234.567 €")).toBe("1234567");
    expect(plainAmount("CHF 1'234.50")).toBe("1234.50");
    expect(plainAmount("-1.234,56 €")).toBe("-1234.56");
    // A lone "." before three digits is a thousands group in Europe and three decimals elsewhere: refused.
    for (const unread of ["1.234 €", "1.234,5,6 €", "1,23,456.00", "1 23,5 €", "12.34.56 €", "1.234,567 €"]) {
      expect(plainAmount(unread), unread).toBe(unread);
    }
  });

  it("reads counts and checkboxes", () => {
    expect(plainCount("1,200")).toBe("1200");
    expect(plainCount("12,00")).toBe("12,00");
    expect(plainFlag("Yes")).toBe("true");
    expect(plainFlag("0")).toBe("false");
    expect(plainFlag("maybe")).toBe("maybe");
  });
});
