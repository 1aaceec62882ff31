import { describe, expect, it } from "vitest";
import { isDateOnly, parseCents, parseIsoTime } from "./fields.ts";

describe("parseIsoTime", () => {
  it("reads a date alone as midnight UTC", () => {
    expect(parseIsoTime("2025-03-31")?.toISOString()).toBe("2025-03-31T00:00:00.000Z");
  });

  it("reads zones and offsets, and a time without a zone as UTC", () => {
    expect(parseIsoTime("2025-03-31T14:00:00Z")?.toISOString()).toBe("2025-03-31T14:00:00.000Z");
    expect(parseIsoTime("2025-03-31T14:00:00+02:00")?.toISOString()).toBe("2025-03-31T12:00:00.000Z");
    expect(parseIsoTime("2025-03-31 14:00")?.toISOString()).toBe("2025-03-31T14:00:00.000Z");
    expect(parseIsoTime(" 2025-03-31T14:00:00.250Z ")?.toISOString()).toBe("2025-03-31T14:00:00.250Z");
  });

  it("refuses impossible dates and non-ISO text", () => {
    for (const bad of [
      "2025-02-30",
      "2025-13-01",
      "2025-03-31T24:00",
      "31/03/2025",
      "March 3",
      "",
      "2025-3-1",
    ]) {
      expect(parseIsoTime(bad), bad).toBeNull();
    }
  });

  it("accepts 29 February only in a leap year", () => {
    expect(parseIsoTime("2024-02-29")).not.toBeNull();
    expect(parseIsoTime("2025-02-29")).toBeNull();
  });

  it("tells a date alone from a time", () => {
    expect(isDateOnly("2025-03-31")).toBe(true);
    expect(isDateOnly("2025-03-31T00:00:00Z")).toBe(false);
  });
});

describe("parseCents", () => {
  it("turns decimal units into exact integer cents", () => {
    expect(parseCents("1500.50")).toEqual({ cents: 150_050 });
    expect(parseCents("1500.5")).toEqual({ cents: 150_050 });
    expect(parseCents("0.07")).toEqual({ cents: 7 });
    expect(parseCents("12000")).toEqual({ cents: 1_200_000 });
    // 0.29 × 100 is 28.999999999999996 in floating point; string arithmetic gives 29.
    expect(parseCents("0.29")).toEqual({ cents: 29 });
    expect(parseCents("0")).toEqual({ cents: 0 });
  });

  it("refuses negatives, separators, signs and sub-cent amounts with a reason", () => {
    expect(parseCents("-5")).toEqual({ error: expect.stringContaining("negative") });
    for (const bad of ["1,200.00", "$100", "1.234", "", "abc", "1e3"]) {
      expect(parseCents(bad), bad).toEqual({ error: expect.stringContaining("not a plain decimal") });
    }
    for (const ambiguous of ["1.234", "1.234 €", "€12.500"]) {
      expect(parseCents(ambiguous), ambiguous).toEqual({ error: expect.stringContaining("is ambiguous") });
    }
    expect(parseCents("1,234")).toEqual({ error: expect.not.stringContaining("ambiguous") });
  });
});
