import { describe, expect, it } from "vitest";
import { crashPoints, withCrashPoint } from "./crash-point.ts";

describe("crash points (test-only fault injection)", () => {
  it("kill on the n-th arrival at the named point only", () => {
    const kills: string[] = [];
    const points = crashPoints("execute_effects:2, effects:claimed:1", () => kills.push("killed"));
    points.hit("execute_effects");
    points.hit("supervisor");
    expect(kills).toEqual([]);
    points.hit("effects:claimed");
    expect(kills).toEqual(["killed"]);
    points.hit("execute_effects");
    expect(kills).toEqual(["killed", "killed"]);
    points.hit("execute_effects");
    expect(kills).toHaveLength(2);
  });

  it("do nothing when unset and refuse a malformed spec at start-up", () => {
    expect(() => crashPoints(undefined).hit("supervisor")).not.toThrow();
    expect(() => crashPoints("  ").hit("supervisor")).not.toThrow();
    expect(() => crashPoints("supervisor")).toThrow(/is not <point>:<n> with n ≥ 1/);
    expect(() => crashPoints("supervisor:0")).toThrow(/GROWTH_CRASH_AT "supervisor:0"/);
  });

  it("count a wrapped node's entries before it runs", async () => {
    const order: string[] = [];
    const points = crashPoints("respond:1", () => order.push("kill"));
    const node = withCrashPoint(points, "respond", async (x: number) => {
      order.push(`run ${x}`);
      return x + 1;
    });
    expect(await node(1)).toBe(2);
    expect(order).toEqual(["kill", "run 1"]);
  });
});
