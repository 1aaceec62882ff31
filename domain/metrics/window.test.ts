import { describe, expect, it } from "vitest";
import { day, HAND_WORKED } from "./test-fixtures.ts";
import { closedInWindow, daysBetween, describeWindow, inWindow, wonInWindow } from "./window.ts";

describe("inWindow", () => {
  it("includes both ends and treats missing ends as open", () => {
    const w = { from: day(1), to: day(2) };
    expect(inWindow(day(1), w)).toBe(true);
    expect(inWindow(day(2), w)).toBe(true);
    expect(inWindow(new Date(day(1).getTime() - 1), w)).toBe(false);
    expect(inWindow(new Date(day(2).getTime() + 1), w)).toBe(false);
    expect(inWindow(day(-1000))).toBe(true);
    expect(inWindow(day(5), { from: day(5) })).toBe(true);
    expect(inWindow(day(5), { to: day(4) })).toBe(false);
  });

  it("matches nothing when from is after to", () => {
    expect(inWindow(day(3), { from: day(4), to: day(2) })).toBe(false);
  });
});

describe("closed and won in the window", () => {
  it("selects by close time", () => {
    expect(closedInWindow(HAND_WORKED).map((o) => o.id)).toEqual(["c", "d", "e"]);
    expect(closedInWindow(HAND_WORKED, { to: day(45) }).map((o) => o.id)).toEqual(["c", "e"]);
    expect(wonInWindow(HAND_WORKED, { to: day(45) }).map((o) => o.id)).toEqual(["c"]);
  });
});

describe("daysBetween and describeWindow", () => {
  it("counts fractional days", () => {
    expect(daysBetween(day(1), day(3))).toBe(2);
    expect(daysBetween(day(0), new Date(day(0).getTime() + 6 * 3_600_000))).toBe(0.25);
    expect(daysBetween(day(3), day(1))).toBe(-2);
  });

  it("describes the window in words", () => {
    expect(describeWindow()).toBe("in the data");
    expect(describeWindow({ from: day(0) })).toBe("since 2025-01-01");
    expect(describeWindow({ to: day(1) })).toBe("up to 2025-01-02");
    expect(describeWindow({ from: day(0), to: new Date("2025-03-31T23:59:59.999Z") })).toBe(
      "between 2025-01-01 and 2025-03-31T23:59:59.999Z",
    );
  });
});
