import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_IDS } from "../../domain/agents.ts";
import { DATASETS_DIR, loadSuite, parseDataset } from "../../evals/dataset.ts";
import { contentCases } from "../../evals/datasets/build/content.ts";
import { policyCases } from "../../evals/datasets/build/policy.ts";
import { routingCases } from "../../evals/datasets/build/routing.ts";
import { trajectoryCases } from "../../evals/datasets/build/trajectory.ts";
import { CONFLICT_RULE_NAMES, type EvalCase, STOPPERS, SUITES } from "../../evals/schema.ts";

const all: EvalCase[] = SUITES.flatMap((s) => loadSuite(s));

describe("eval datasets", () => {
  it("hold at least 200 valid cases across the four suites", () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const suite of SUITES)
      expect(all.filter((c) => c.suite === suite).length).toBeGreaterThanOrEqual(25);
  });

  it("are exactly what generate.ts writes (the committed JSONL is not stale)", () => {
    const builders = {
      routing: routingCases,
      trajectory: trajectoryCases,
      policy: policyCases,
      content: contentCases,
    };
    for (const suite of SUITES) {
      const expected = `${builders[suite]()
        .map((c) => JSON.stringify(c))
        .join("\n")}\n`;
      expect(readFileSync(join(DATASETS_DIR, `${suite}.jsonl`), "utf8")).toBe(expected);
    }
  });

  it("cover all ten agents in every suite but content", () => {
    for (const suite of ["routing", "trajectory", "policy"] as const) {
      const named = new Set(all.filter((c) => c.suite === suite).flatMap((c) => c.agents));
      expect([...named].sort(), suite).toEqual([...AGENT_IDS].sort());
    }
  });

  it("exercise every conflict rule as an expected guard decision", () => {
    const rules = new Set(
      all.flatMap((c) =>
        c.suite === "trajectory" || c.suite === "policy"
          ? (c.expect.decisions?.decisions ?? []).map((d) => d.rule)
          : [],
      ),
    );
    for (const rule of CONFLICT_RULE_NAMES) expect(rules.has(rule), rule).toBe(true);
  });

  it("name who stops every policy case, with at least three guard cases per conflict rule", () => {
    const policy = all.filter((c) => c.suite === "policy");
    for (const c of policy) expect(STOPPERS, c.id).toContain(c.expect.stopped_by);
    for (const rule of CONFLICT_RULE_NAMES) {
      const guarded = policy.filter((c) => c.expect.stopped_by === "guard" && c.expect.rule === rule);
      expect(guarded.length, rule).toBeGreaterThanOrEqual(3);
    }
  });

  it("split routing into train and two held-out sets of at least 120 cases, none of them in the train text", () => {
    const routing = all.filter((c) => c.suite === "routing");
    const v1 = routing.filter((c) => c.split === "held-out");
    const v2 = routing.filter((c) => c.split === "held-out-v2");
    expect(v1.length).toBeGreaterThanOrEqual(120);
    expect(v2.length).toBeGreaterThanOrEqual(140);
    expect(v2.filter((c) => c.expect.route[0]?.agents.length === 0).length).toBeGreaterThanOrEqual(20);
    const text = (c: (typeof routing)[number]) => JSON.stringify(c.request).toLowerCase();
    const train = new Set(routing.filter((c) => c.split === "train").map(text));
    for (const c of [...v1, ...v2]) expect(train.has(text(c)), c.id).toBe(false);
    const first = new Set(v1.map(text));
    for (const c of v2) expect(first.has(text(c)), c.id).toBe(false);
  });

  it("include injected instructions in requests and in CRM text", () => {
    const injected = all.filter((c) => c.tags.includes("injection"));
    expect(injected.length).toBeGreaterThanOrEqual(8);
    expect(injected.some((c) => JSON.stringify(c.fixture.rows).includes("ignore"))).toBe(true);
  });

  it("rejects a bad line with its number and the field at fault", () => {
    const good = JSON.stringify({ ...routingCases()[0] });
    const bad = JSON.stringify({ ...routingCases()[1], request: { kind: "chat" } });
    expect(() => parseDataset(`${good}\n${bad}\n{oops`, "x.jsonl", "routing")).toThrow(
      /x\.jsonl:2: request\.text: .*\n {2}x\.jsonl:3: not valid JSON/,
    );
    expect(() => parseDataset(`${good}\n${good}`, "x.jsonl", "routing")).toThrow(/x\.jsonl:2: duplicate id/);
    expect(() => parseDataset(good, "x.jsonl", "policy")).toThrow(/suite "routing" in the policy dataset/);
  });

  it("refuses an event a real intake would refuse", () => {
    const raw = {
      ...trajectoryCases()[0],
      request: { kind: "event", event: { event_type: "lead_qualified" } },
    };
    expect(() => parseDataset(JSON.stringify(raw), "t.jsonl", "trajectory")).toThrow(
      /t\.jsonl:1: request\.event/,
    );
  });
});
