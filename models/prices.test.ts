import { describe, expect, it } from "vitest";
import { costUsd, DEFAULT_PRICES, PriceTable } from "./prices.ts";

const prices = { "openai:m": { input: 2, output: 8, cached: 0.5 } };

describe("costUsd", () => {
  it("bills uncached input, cached input and output at their own rates", () => {
    // (1000 - 400) × 2 + 400 × 0.5 + 250 × 8 = 1200 + 200 + 2000 = 3400 micro-dollars.
    expect(costUsd(prices, "openai", "m", { input: 1_000, output: 250, cached: 400 })).toBe(0.0034);
  });

  it("bills prompt-cache writes at their rate, by default 1.25 × input", () => {
    // (1000 - 200 - 300) × 2 + 200 × 0.5 + 300 × 2.5 + 0 = 1000 + 100 + 750 = 1850 micro-dollars.
    const usage = { input: 1_000, output: 0, cached: 200, cacheWrite: 300 };
    expect(costUsd(prices, "openai", "m", usage)).toBe(0.00185);
    const priced = { "anthropic:c": { input: 2, output: 8, cached: 0.5, cacheWrite: 4 } };
    expect(costUsd(priced, "anthropic", "c", usage)).toBe(0.0023); // 1000 + 100 + 1200
  });

  it("is zero for zero tokens and null for a model without a price", () => {
    expect(costUsd(prices, "openai", "m", { input: 0, output: 0, cached: 0 })).toBe(0);
    expect(costUsd(prices, "anthropic", "m", { input: 10, output: 10, cached: 0 })).toBeNull();
  });

  it("never bills more cached tokens than input tokens", () => {
    expect(costUsd(prices, "openai", "m", { input: 100, output: 0, cached: 500 })).toBe(0.00005);
  });

  it("ships a default table that validates", () => {
    expect(PriceTable.safeParse(DEFAULT_PRICES).success).toBe(true);
    expect(PriceTable.safeParse({ "gpt-4o": { input: 1, output: 1, cached: 1 } }).success).toBe(false);
  });
});
