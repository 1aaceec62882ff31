import { describe, expect, it } from "vitest";
import { ago, DAY, NOW } from "./test-fixtures.ts";
import { capCheck, countedCapCheck, countInWindow, describeSpan, inRollingWindow } from "./window.ts";

const W = 3 * DAY;

describe("inRollingWindow / countInWindow", () => {
  it("excludes a time exactly at now − W and includes one exactly at now", () => {
    expect(inRollingWindow(ago(W), NOW, W)).toBe(false);
    expect(inRollingWindow(ago(W - 1), NOW, W)).toBe(true);
    expect(inRollingWindow(NOW, NOW, W)).toBe(true);
    expect(inRollingWindow(ago(-1), NOW, W)).toBe(false);
  });

  it("counts only what lies in (now − W, now]", () => {
    const times = [ago(W + 1), ago(W), ago(W - 1), ago(DAY), NOW, ago(-1)];
    expect(countInWindow(times, NOW, W)).toBe(3);
    expect(countInWindow([], NOW, W)).toBe(0);
  });
});

describe("capCheck", () => {
  it("lets a touch through while count + 1 ≤ max", () => {
    expect(capCheck([ago(DAY)], NOW, { windowMs: W, max: 2 })).toEqual({ ok: true, count: 1 });
    expect(capCheck([ago(W)], NOW, { windowMs: W, max: 1 })).toEqual({ ok: true, count: 0 });
  });

  it("defers a full cap until the oldest counted touch leaves the window", () => {
    // Touches 2 days and 1 hour ago under a cap of 2 per 3 days: the 2-day-old one leaves in 1 day.
    const check = capCheck([ago(DAY / 24), ago(2 * DAY)], NOW, { windowMs: W, max: 2 });
    expect(check).toEqual({ ok: false, count: 2, until: ago(-DAY) });
  });

  it("counts a touch 1 ms inside the window, which then leaves 1 ms from now", () => {
    const check = capCheck([ago(W - 1)], NOW, { windowMs: W, max: 1 });
    expect(check).toEqual({ ok: false, count: 1, until: ago(-1) });
  });

  it("counts a touch at now, which leaves a full window later", () => {
    expect(capCheck([NOW], NOW, { windowMs: W, max: 1 })).toEqual({ ok: false, count: 1, until: ago(-W) });
  });

  it("waits for enough touches to leave when the history is already over the cap", () => {
    // Counted (the 3-day-old one is out): 2 days, 1 day and 1 hour ago, so 3 under a cap of 2. One more
    // needs only 1 left in the window, so the 2 oldest must leave: until = 1 day ago + 3 days = 2 days ahead.
    const cap = { windowMs: W, max: 2 };
    const times = [ago(W), ago(2 * DAY), ago(DAY), ago(DAY / 24)];
    const check = capCheck(times, NOW, cap);
    expect(check).toEqual({ ok: false, count: 3, until: ago(-2 * DAY) });
    if (check.ok) return;
    // At `until` the cap holds again; 1 ms before, it does not.
    expect(capCheck(times, check.until, cap)).toEqual({ ok: true, count: 1 });
    expect(capCheck(times, new Date(check.until.getTime() - 1), cap).ok).toBe(false);
  });

  it("does not depend on the order of the times", () => {
    const times = [ago(DAY), ago(2 * DAY), ago(DAY / 2)];
    const cap = { windowMs: W, max: 2 };
    expect(capCheck([...times].reverse(), NOW, cap)).toEqual(capCheck(times, NOW, cap));
  });
});

describe("describeSpan", () => {
  it("names whole units and falls back to milliseconds", () => {
    expect(describeSpan(DAY)).toBe("1 day");
    expect(describeSpan(14 * DAY)).toBe("14 days");
    expect(describeSpan(36 * 3_600_000)).toBe("36 hours");
    expect(describeSpan(90 * 60_000)).toBe("90 minutes");
    expect(describeSpan(1_500)).toBe("1500 ms");
  });
});

describe("countedCapCheck", () => {
  const cap = { windowMs: W, max: 3 };
  const stored = [ago(DAY / 2), ago(DAY), ago(2 * DAY), ago(W - 1)];

  it("gives capCheck's verdict from a count and the newest times, with batch touches at now", () => {
    for (let k = 0; k <= 4; k++) {
      const added = Array.from({ length: k }, () => NOW);
      for (let n = 0; n <= stored.length; n++) {
        const newest = stored.slice(0, n);
        expect(countedCapCheck({ count: n, newest }, added, NOW, cap), `n=${n} k=${k}`).toEqual(
          capCheck([...newest, ...added], NOW, cap),
        );
      }
    }
  });

  it("defers until the right stored touch leaves when only the newest `max` times are given", () => {
    // Ten stored touches in the window, only the 3 newest given: the third newest leaves first.
    const check = countedCapCheck({ count: 10, newest: stored.slice(0, 3) }, [], NOW, cap);
    expect(check).toEqual({ ok: false, count: 10, until: new Date(ago(2 * DAY).getTime() + W) });
  });

  it("refuses to guess when it was given too few times", () => {
    expect(() => countedCapCheck({ count: 5, newest: [] }, [], NOW, cap)).toThrow(/only 0 were given/);
  });
});
