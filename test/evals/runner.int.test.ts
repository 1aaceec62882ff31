import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { conflictPolicy } from "../../domain/conflicts/index.ts";
import { BASELINE_FILE, readBaseline } from "../../evals/baseline.ts";
import { runEvalCommand } from "../../evals/run.ts";
import type { ChatRouter } from "../../graph/deps.ts";

const out = mkdtempSync(join(tmpdir(), "growth-evals-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("growth eval against the committed baseline (playbook mode)", () => {
  it("scores every suite and matches the committed baseline exactly", async () => {
    // The baseline is an earlier run's scores, recorded by another process on another day: matching it case for
    // case shows the scores are reproducible, not just stable within one process.
    const run = await runEvalCommand({ out: join(out, "a") });
    expect(run.exitCode).toBe(0);
    expect(run.comparison).toMatchObject({
      exact: true,
      regressed: [],
      suiteDrops: [],
      added: [],
      removed: [],
    });
    expect(run.results.suites.map((s) => s.name)).toEqual(["routing", "trajectory", "policy", "content"]);
    const baseline = readBaseline(BASELINE_FILE)!;
    expect(Object.keys(baseline.cases)).toHaveLength(run.results.cases.length);
    for (const c of run.results.cases) expect(baseline.cases[c.key]?.score, c.key).toBe(c.score);
    expect(run.text).toContain("Matches the baseline exactly.");
  }, 240_000);

  it("fails and names the regressed cases when a routing rule is broken", async () => {
    // A planted fault: every chat goes to the deal closer.
    const broken: ChatRouter = async () => ({
      agents: ["deal-closer"],
      reason: "planted fault",
      via: "test",
    });
    const run = await runEvalCommand({
      suite: "routing",
      out: join(out, "c"),
      harness: { routeChat: broken },
    });
    expect(run.exitCode).toBe(1);
    const regressed = run.comparison!.regressed.map((r) => r.key);
    expect(regressed).toContain("routing/le-cfo-follow-up");
    expect(regressed).toContain("routing/ma-funnel");
    expect(regressed).not.toContain("routing/dc-chase");
    // The suite and each of its splits fall: train and both held-out sets are gated apart.
    expect(run.comparison!.suiteDrops.map((d) => d.suite)).toEqual([
      "routing",
      "routing/train",
      "routing/held-out",
      "routing/held-out-v2",
    ]);
    expect(run.text).toMatch(/REGRESSION: \d+ case\(s\) that passed now fail:\n {2}- routing\//);
    const summary = readFileSync(join(run.folder, "summary.md"), "utf8");
    expect(summary).toContain("**Regression**");
    expect(summary).toContain("- `routing/le-cfo-follow-up` 100.0% →");
  }, 240_000);

  it("fails and names the regressed cases when a guard rule is loosened", async () => {
    // A planted fault: the contact and account caps are lifted far out of reach.
    const loose = conflictPolicy({
      caps: {
        perContact: [{ windowMs: 86_400_000, max: 1_000 }],
        perAccount: [{ windowMs: 86_400_000, max: 1_000 }],
      },
    });
    const run = await runEvalCommand({
      filter: "cap",
      out: join(out, "d"),
      harness: { conflictPolicy: loose },
    });
    expect(run.exitCode).toBe(1);
    const regressed = run.comparison!.regressed.map((r) => r.key);
    expect(regressed).toEqual(
      expect.arrayContaining([
        "policy/cap-holly",
        "policy/cap-erlich-account",
        "trajectory/lq-holly-cap-contact",
      ]),
    );
    // The per-agent cap cases override the policy themselves and still hold.
    expect(regressed).not.toContain("policy/cap-agent-lead-engagement");
    const junit = readFileSync(join(run.folder, "junit.xml"), "utf8");
    expect(junit).toMatch(
      /<testcase classname="eval.policy" name="cap-holly"[^>]*>\n\s+<failure message="policy zero-effect: 1 effect\(s\) executed/,
    );
  }, 240_000);
});
