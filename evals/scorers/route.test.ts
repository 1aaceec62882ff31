import { describe, expect, it } from "vitest";
import type { AgentId } from "../../domain/agents.ts";
import type { RouteMode } from "../schema.ts";
import { lcsLength, scoreRoute } from "./route.ts";

const LE: AgentId = "lead-engagement";
const DC: AgentId = "deal-closer";
const MA: AgentId = "marketing-analytics";
const MS: AgentId = "marketing-strategy";

const score = (mode: RouteMode, agents: AgentId[], actual: AgentId[]) => scoreRoute({ mode, agents }, actual);

describe("lcsLength", () => {
  it("counts the longest common subsequence", () => {
    expect(lcsLength(["a", "b", "c", "d"], ["b", "x", "d"])).toBe(2);
    expect(lcsLength([], ["a"])).toBe(0);
    expect(lcsLength(["a", "b"], ["b", "a"])).toBe(1);
  });
});

describe("scoreRoute", () => {
  it("exact: passes only on the same order, with LCS / longest credit", () => {
    expect(score("exact", [MS, MA], [MS, MA])).toMatchObject({ pass: true, score: 1 });
    expect(score("exact", [MS, MA], [MA, MS])).toMatchObject({ pass: false, score: 0.5 });
    expect(score("exact", [LE], [LE, DC, MA])).toMatchObject({ pass: false, score: 0.3333 });
    expect(score("exact", [], [])).toMatchObject({ pass: true });
  });

  it("in-order: extra agents between are fine, order is not", () => {
    expect(score("in-order", [MS, MA], [MS, DC, MA])).toMatchObject({ pass: true, score: 1 });
    expect(score("in-order", [MS, MA], [MA, MS])).toMatchObject({ pass: false, score: 0.5 });
    expect(score("in-order", [MS, MA, LE], [MS])).toMatchObject({ pass: false, score: 0.3333 });
  });

  it("unordered: same set in any order, Jaccard credit", () => {
    expect(score("unordered", [MS, MA], [MA, MS])).toMatchObject({ pass: true, score: 1 });
    // {MS, MA} vs {MA, DC}: one shared of three.
    expect(score("unordered", [MS, MA], [MA, DC])).toMatchObject({ pass: false, score: 0.3333 });
  });

  it("subset: everything visited was expected, and something ran", () => {
    expect(score("subset", [MS, MA, DC], [MA])).toMatchObject({ pass: true, score: 1 });
    expect(score("subset", [MS, MA], [MA, LE, DC, MS])).toMatchObject({ pass: false, score: 0.5 });
    expect(score("subset", [MS], [])).toMatchObject({ pass: false, score: 0 });
  });

  it("must-visit and must-not-visit count the share of named agents", () => {
    expect(score("must-visit", [MS, MA], [DC, MA, MS])).toMatchObject({ pass: true });
    expect(score("must-visit", [MS, MA, LE, DC], [MA])).toMatchObject({ pass: false, score: 0.25 });
    expect(score("must-not-visit", [LE, DC], [MA])).toMatchObject({ pass: true, score: 1 });
    expect(score("must-not-visit", [LE, DC], [DC, MA])).toMatchObject({ pass: false, score: 0.5 });
  });

  it("names both routes in its detail", () => {
    expect(score("exact", [LE], [DC]).detail).toBe("expected [lead-engagement], visited [deal-closer]");
  });
});
