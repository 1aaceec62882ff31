import { describe, expect, it } from "vitest";
import { isMql } from "./mql.ts";

describe("isMql", () => {
  it("needs fit ≥ 60 and engagement ≥ 40, both ends included", () => {
    expect(isMql({ fit: 60, engagement: 40, demoRequested: false })).toBe(true);
    expect(isMql({ fit: 59.9, engagement: 100, demoRequested: false })).toBe(false);
    expect(isMql({ fit: 100, engagement: 39.99, demoRequested: false })).toBe(false);
  });

  it("qualifies any demo request", () => {
    expect(isMql({ fit: 0, engagement: 0, demoRequested: true })).toBe(true);
  });

  it("takes other thresholds", () => {
    expect(isMql({ fit: 50, engagement: 20, demoRequested: false }, { fit: 50, engagement: 20 })).toBe(true);
    expect(isMql({ fit: 60, engagement: 40, demoRequested: false }, { fit: 70, engagement: 40 })).toBe(false);
  });
});
