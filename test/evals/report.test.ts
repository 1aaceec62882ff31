import { describe, expect, it } from "vitest";
import { type Baseline, baselineOf, compareWithBaseline, hasRegression } from "../../evals/baseline.ts";
import { junitXml } from "../../evals/report/junit.ts";
import { markdownSummary } from "../../evals/report/markdown.ts";
import type { CaseResult, EvalResults } from "../../evals/runner.ts";

const result = (key: string, pass: boolean, score: number): CaseResult => {
  const [suite, id] = key.split("/") as [CaseResult["suite"], string];
  return {
    key,
    suite,
    id,
    description: `case ${id}`,
    agents: ["deal-closer"],
    tags: [],
    pass,
    score,
    runs: 1,
    passes: pass ? 1 : 0,
    checks: pass
      ? []
      : [
          {
            scorer: "route exact",
            score,
            pass: false,
            detail: "expected [deal-closer], visited [lead-engagement]",
          },
        ],
    route: [],
    tokens: 1200,
    costUsd: 0.0042,
    durationMs: 5,
  };
};

function results(cases: CaseResult[], model = "playbook"): EvalResults {
  const suites = [...new Set(cases.map((c) => c.suite))].map((name) => {
    const of = cases.filter((c) => c.suite === name);
    return {
      name,
      cases: of.length,
      passed: of.filter((c) => c.pass).length,
      score: of.reduce((s, c) => s + c.score, 0) / of.length,
      tokens: of.reduce((s, c) => s + c.tokens, 0),
      costUsd: of.reduce((s, c) => s + c.costUsd, 0),
    };
  });
  return {
    model,
    repeat: 1,
    suites,
    splits: [],
    agents: [{ name: "deal-closer", cases: cases.length, passed: 1, score: 0.5, tokens: 0, costUsd: 0 }],
    cases,
  };
}

const baseline: Baseline = baselineOf(
  results([result("routing/a", true, 1), result("routing/b", true, 1), result("policy/p", false, 0)]),
  null,
);

describe("baseline comparison", () => {
  it("starts policy at zero tolerance and other suites at 1 point", () => {
    expect(baseline.suites.policy!.threshold).toBe(0);
    expect(baseline.suites.routing!.threshold).toBe(0.01);
  });

  it("matches exactly when nothing changed", () => {
    const c = compareWithBaseline(
      results([result("routing/a", true, 1), result("routing/b", true, 1), result("policy/p", false, 0)]),
      baseline,
      true,
    );
    expect(c).toMatchObject({ exact: true, regressed: [], improved: [], suiteDrops: [] });
    expect(hasRegression(c)).toBe(false);
  });

  it("flags a case that passed and now fails, and the suite drop past its threshold", () => {
    const c = compareWithBaseline(
      results([result("routing/a", true, 1), result("routing/b", false, 0.5), result("policy/p", false, 0)]),
      baseline,
      true,
    );
    expect(c.regressed).toEqual([{ key: "routing/b", was: 1, now: 0.5 }]);
    expect(c.suiteDrops).toEqual([{ suite: "routing", was: 1, now: 0.75, threshold: 0.01 }]);
    expect(c.deltas.routing).toBe(-0.25);
    expect(hasRegression(c)).toBe(true);
  });

  it("flags a suite drop past its threshold even when no case flips", () => {
    const base = baselineOf(results([result("routing/a", false, 0.9)]), null);
    const within = compareWithBaseline(results([result("routing/a", false, 0.895)]), base, true);
    expect(hasRegression(within)).toBe(false);
    const past = compareWithBaseline(results([result("routing/a", false, 0.85)]), base, true);
    expect(past.suiteDrops).toHaveLength(1);
  });

  it("reports improvements, new and removed cases without calling them regressions", () => {
    const c = compareWithBaseline(
      results([result("routing/a", true, 1), result("routing/new", true, 1), result("policy/p", true, 1)]),
      baseline,
      true,
    );
    expect(c.improved).toEqual([{ key: "policy/p", was: 0, now: 1 }]);
    expect(c.added).toEqual(["routing/new"]);
    expect(c.removed).toEqual(["routing/b"]);
    expect(c.exact).toBe(false);
    expect(hasRegression(c)).toBe(false);
  });

  it("on a filtered run compares cases only, not suite scores", () => {
    const c = compareWithBaseline(results([result("routing/b", false, 0)]), baseline, false);
    expect(c.regressed.map((r) => r.key)).toEqual(["routing/b"]);
    expect(c.suiteDrops).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.deltas.routing).toBeNull();
  });
});

describe("markdown summary", () => {
  const now = results(
    [result("routing/a", true, 1), result("routing/b", false, 0.5), result("policy/p", false, 0)],
    "openai:gpt-4o-mini",
  );
  const summary = markdownSummary({
    results: now,
    comparison: compareWithBaseline(now, baseline, true),
    startedAt: "2026-11-10T12:00:00.000Z",
    durationMs: 8_400,
    prompts: { "deal-closer": "ae092e77f2db0123", supervisor: "51e63ad0f8f5abcd" },
  });

  it("reads on its own: verdict, suite scores with deltas, tokens and cost per suite", () => {
    expect(summary).toContain("# Eval summary — 2026-11-10T12:00:00.000Z");
    expect(summary).toContain("Model: `openai:gpt-4o-mini` · repeat 1 · 1/3 cases passed · 8.4 s");
    expect(summary).toContain(
      "**Regression** — 1 case(s) that passed now fail, 1 suite(s) fell past their threshold.",
    );
    expect(summary).toContain("| suite | cases | passed | score | Δ vs baseline | tokens | cost |");
    expect(summary).toContain("| routing | 2 | 1 | 75.0% | −25.0 pp | 2400 | $0.0084 |");
    expect(summary).toContain("| policy | 1 | 0 | 0.0% | ±0.0 pp | 1200 | $0.0042 |");
  });

  it("lists the regressed cases with why, the failing ones, and the prompt hashes", () => {
    expect(summary).toContain(
      "## Regressed cases\n\n- `routing/b` 100.0% → 50.0% — route exact: expected [deal-closer], visited [lead-engagement]",
    );
    expect(summary).toContain("- suite **routing** 100.0% → 75.0% (threshold 1.0 pp)");
    expect(summary).toContain("- `policy/p` (0.0%) — case p.");
    expect(summary).toContain("`deal-closer` ae092e77f2db · `supervisor` 51e63ad0f8f5");
  });

  it("says playbook runs cost nothing, and what to do without a baseline", () => {
    const offline = results([result("routing/a", true, 1)]);
    const text = markdownSummary({
      results: offline,
      comparison: null,
      startedAt: "t",
      durationMs: 0,
      prompts: {},
    });
    expect(text).toContain("$0 (playbook)");
    expect(text).toContain("No baseline to compare with — run `growth eval --bless` to create one.");
  });
});

describe("junit xml", () => {
  it("has one testsuite per suite and an escaped failure per failing case", () => {
    const now = results([result("routing/a", true, 1), result("routing/b", false, 0.5)]);
    const xml = junitXml({ results: now, comparison: null, startedAt: "t", durationMs: 1000, prompts: {} });
    expect(xml).toContain('<testsuites name="growth eval (playbook)" tests="2" failures="1" time="1.000">');
    expect(xml).toContain('<testsuite name="routing" tests="2" failures="1" errors="0" time="0.010">');
    expect(xml).toContain(
      '<failure message="route exact: expected [deal-closer], visited [lead-engagement]" type="score 0.5">',
    );
  });
});

describe("routing train and held-out splits", () => {
  const split = (r: CaseResult, s: "train" | "held-out"): CaseResult => ({ ...r, split: s });
  const withSplits = (cases: CaseResult[]): EvalResults => {
    const base = results(cases);
    const row = (s: string) => {
      const of = cases.filter((c) => c.split === s);
      const score = of.reduce((t, c) => t + c.score, 0) / of.length;
      return {
        name: `routing/${s}`,
        cases: of.length,
        passed: of.filter((c) => c.pass).length,
        score,
        tokens: 0,
        costUsd: 0,
      };
    };
    return { ...base, splits: [row("train"), row("held-out")] };
  };
  const before = withSplits([
    split(result("routing/a", true, 1), "train"),
    split(result("routing/h1", true, 1), "held-out"),
    split(result("routing/h2", false, 0), "held-out"),
  ]);

  it("are gated apart: a held-out drop past its threshold regresses even when the suite stays", () => {
    const baseline = baselineOf(before, null);
    expect(baseline.splits["routing/held-out"]).toMatchObject({
      score: 0.5,
      cases: 2,
      passed: 1,
      threshold: 0.01,
    });
    const after = withSplits([
      split(result("routing/a", true, 1), "train"),
      split(result("routing/h1", false, 0.6), "held-out"),
      split(result("routing/h2", false, 0.2), "held-out"),
    ]);
    const c = compareWithBaseline(after, baseline, true);
    expect(c.suiteDrops.map((d) => d.suite)).toContain("routing/held-out");
    expect(hasRegression(c)).toBe(true);
  });

  it("show apart in JUnit, one testsuite per split with its score", () => {
    const xml = junitXml({ results: before, comparison: null, startedAt: "t", durationMs: 1, prompts: {} });
    expect(xml).toContain('<testsuite name="routing/train" tests="1" failures="0"');
    expect(xml).toContain('<testsuite name="routing/held-out" tests="2" failures="1"');
    expect(xml).toContain('<property name="score" value="0.5"/>');
    expect(xml).not.toContain('<testsuite name="routing" ');
  });
});
