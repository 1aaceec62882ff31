import { describe, expect, it } from "vitest";
import { parseAnchor, seedAnchor } from "./clock.ts";

describe("seed anchors", () => {
  it("anchor at the start of the UTC day, so every run on one day gives the same data", () => {
    expect(seedAnchor(new Date("2026-12-02T04:19:47Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(seedAnchor(new Date("2026-12-02T23:59:59.999Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });

  it.each([
    ["2026-12-01", "2026-12-01T00:00:00.000Z"],
    ["2026-12-01T10:30", "2026-12-01T10:30:00.000Z"],
    ["2026-12-01T10:30:05Z", "2026-12-01T10:30:05.000Z"],
    ["2026-12-01T10:30:00+02:00", "2026-12-01T08:30:00.000Z"],
    [" 2024-02-29 ", "2024-02-29T00:00:00.000Z"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseAnchor(text)?.toISOString()).toBe(iso);
  });

  it.each(["", "yesterday", "2026-13-01", "2026-02-31", "2025-02-29", "12/01/2026", "2026-12-01T25:00"])(
    "refuses %j",
    (text) => {
      expect(parseAnchor(text)).toBeNull();
    },
  );
});
