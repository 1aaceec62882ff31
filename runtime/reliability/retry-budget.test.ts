import { describe, expect, it } from "vitest";
import { RetryBudget } from "./retry-budget.ts";

describe("RetryBudget (token bucket)", () => {
  it("allows a burst of `capacity` retries, then refuses until tokens come back", () => {
    let now = 0;
    const budget = new RetryBudget({ capacity: 3, refillPerSecond: 0.5, now: () => now });
    expect([budget.tryWithdraw(), budget.tryWithdraw(), budget.tryWithdraw()]).toEqual([true, true, true]);
    expect(budget.tryWithdraw()).toBe(false);
    now = 1_999; // 0.9995 tokens: not yet a whole retry
    expect(budget.tryWithdraw()).toBe(false);
    now = 2_000; // 2 s × 0.5/s = exactly one token
    expect(budget.available()).toBe(1);
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
  });

  it("never holds more than its capacity however long it rests", () => {
    let now = 0;
    const budget = new RetryBudget({ capacity: 2, refillPerSecond: 10, now: () => now });
    budget.tryWithdraw();
    now = 3_600_000;
    expect(budget.available()).toBe(2);
    expect(budget.size()).toBe(2);
  });

  it("refuses a nonsensical configuration at start-up", () => {
    expect(() => new RetryBudget({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity ≥ 1/);
    expect(() => new RetryBudget({ capacity: 1, refillPerSecond: -1 })).toThrow(/refillPerSecond ≥ 0/);
  });
});
