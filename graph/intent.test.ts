import { describe, expect, it } from "vitest";
import { AGENT_LIST } from "../agents/index.ts";
import { loadSuite } from "../evals/dataset.ts";
import { isHeldOut } from "../evals/schema.ts";
import { routingTrainSplit } from "../evals/train-split.ts";
import { calibrationOf, clauses, createIntentMatcher, terms } from "./intent.ts";

const profiles = [
  {
    id: "deal-closer",
    description: "Finds stale deals in negotiation and proposes the next step to close them",
    examples: ["which deals are at risk of slipping?", "who should we chase on late-stage deals"],
  },
  {
    id: "marketing-analytics",
    description: "Funnel conversion, attribution and marketing KPIs",
    examples: ["why did webinar signups drop?", "show the funnel conversion by stage"],
  },
  {
    id: "market-intelligence",
    description: "Scores accounts against the ideal customer profile and writes a market brief",
    examples: ["give me a market brief on fintech", "which accounts fit our ICP best"],
  },
] as const;

const fixed = { calibration: { minConfidence: 0.2, minClause: 0.5 } };

describe("intent text (wink-nlp)", () => {
  it("keeps content lemmas in order and drops stop words, emails and punctuation", () => {
    expect(terms("Which deals are at risk of slipping?")).toEqual(["deal", "risk", "slip"]);
    expect(terms("Is ana@acme.com an MQL yet?")).toEqual(["mql"]);
  });

  it("reads a web domain as its company's name, not as a sentence end and a word 'com'", () => {
    expect(terms("Start outreach to the lead at umbrella.com")).toEqual([
      "start",
      "outreach",
      "lead",
      "umbrella",
    ]);
    expect(clauses("Which accounts are spiking, and start outreach to the lead at umbrella.com")).toEqual([
      "Which accounts are spiking",
      "start outreach to the lead at umbrella",
    ]);
  });

  it("splits a request into the clauses a person joins", () => {
    expect(clauses("Show the funnel and then reallocate the budget")).toEqual([
      "Show the funnel",
      "reallocate the budget",
    ]);
    expect(clauses("Is she an MQL yet? If so send her an intro")).toEqual([
      "Is she an MQL yet?",
      "send her an intro",
    ]);
  });
});

describe("intent classifier (naive Bayes over the agents' descriptions and examples)", () => {
  const match = createIntentMatcher(profiles, [], fixed);

  it("routes a request none of the examples contains word for word, deterministically", () => {
    expect(match("Which stale deals could slip this quarter?").agents).toEqual(["deal-closer"]);
    expect(match("Why did our webinar signups fall?").agents).toEqual(["marketing-analytics"]);
    expect(createIntentMatcher(profiles, [], fixed)("Why did our webinar signups fall?")).toEqual(
      match("Why did our webinar signups fall?"),
    );
  });

  it("scores every agent with a probability and names the request terms behind it", () => {
    const { scores } = match("Which stale deals could slip this quarter?");
    expect(scores.map((s) => s.agent).sort()).toEqual(profiles.map((p) => p.id).sort());
    expect(scores[0]).toMatchObject({ agent: "deal-closer", terms: ["stale", "deal", "slip"] });
    for (const s of scores) expect(s.score).toBeGreaterThanOrEqual(0);
    expect(scores[0]!.score).toBeLessThanOrEqual(1);
  });

  it("abstains on words it never learnt, and below its confidence threshold", () => {
    expect(match("Plan my holiday in Portugal").agents).toEqual([]);
    expect(match("").agents).toEqual([]);
    const strict = createIntentMatcher(profiles, [], { calibration: { minConfidence: 1, minClause: 1 } });
    expect(strict("Which stale deals could slip this quarter?").agents).toEqual([]);
  });

  it("returns every agent of a request asking two things, primary first", () => {
    const { agents } = match("Which deals are at risk of slipping, and show the funnel conversion by stage");
    expect(agents).toEqual(["deal-closer", "marketing-analytics"]);
    expect(
      createIntentMatcher(profiles, [], { ...fixed, maxAgents: 1 })("stale deals and the funnel").agents,
    ).toEqual(["deal-closer"]);
  });

  it("reads adjacent words as a pair, which tells apart agents that share the words", () => {
    const twins = [
      { id: "marketing-analytics", description: "win rate", examples: ["segment report"] },
      { id: "marketing-strategy", description: "rate win", examples: ["channel report"] },
    ] as const;
    const pairwise = createIntentMatcher(twins, [], fixed);
    expect(pairwise("win rate").agents).toEqual(["marketing-analytics"]);
    expect(pairwise("rate win").agents).toEqual(["marketing-strategy"]);
  });

  it("learns from labelled training requests, off-topic ones included", () => {
    const training = [
      { text: "Which deals went quiet after the proposal?", agents: ["deal-closer"] as const },
      { text: "What's the weather tomorrow?", agents: [] },
    ];
    const learnt = createIntentMatcher(profiles, training, fixed);
    expect(match("deals that went quiet").agents).toEqual(["deal-closer"]);
    expect(learnt("Will the weather be nice tomorrow?").agents).toEqual([]);
  });

  it("adds a second scorer: the agent whose training text is nearest the request gains on the others", () => {
    // "stage" is in a short marketing-analytics example and in deal-closer's longer description.
    const margin = (options: { nearestWeight?: number }) => {
      const { scores } = createIntentMatcher(profiles, [], { ...fixed, ...options })("stage");
      const of = (agent: string) => scores.find((s) => s.agent === agent)!.score;
      return of("marketing-analytics") - of("deal-closer");
    };
    expect(margin({ nearestWeight: 3 })).toBeGreaterThan(margin({ nearestWeight: 0 }));
    expect(margin({})).toBe(margin({ nearestWeight: 3 }));
  });

  it("weights the off-topic label by its calibrated bias", () => {
    const training = [
      { text: "Which deals went quiet after the proposal?", agents: ["deal-closer"] as const },
      { text: "What's the weather tomorrow?", agents: [] },
    ];
    const weighted = (noneBias: number) =>
      createIntentMatcher(profiles, training, { calibration: { ...fixed.calibration, noneBias } });
    expect(weighted(0)("deals that went quiet").agents).toEqual(["deal-closer"]);
    expect(weighted(30)("deals that went quiet").agents).toEqual([]);
  });
});

describe("intent classifier over the ten agents and the routing train split", () => {
  const train = routingTrainSplit();

  it("calibrates its thresholds by cross-validation, the same way every time", () => {
    const a = calibrationOf(AGENT_LIST, train);
    expect(a).toEqual(calibrationOf(AGENT_LIST, train));
    expect(a.minConfidence).toBeGreaterThan(0);
    expect(a.minClause).toBeGreaterThan(0);
    expect(a.noneBias).toBeGreaterThanOrEqual(-2);
    expect(a.noneBias).toBeLessThanOrEqual(4);
  });

  it("reads a typo as the word it stands for, and counts it as evidence", () => {
    const match = createIntentMatcher(AGENT_LIST, train);
    const { agents, scores } = match("Plan a webinar campaing for fintech");
    expect(agents).toEqual(["campaign-planner"]);
    expect(scores.find((s) => s.agent === "campaign-planner")?.terms).toContain("campaing");
  });

  it("never learns from a held-out case", () => {
    const heldOut = loadSuite("routing").filter((c) => c.suite === "routing" && isHeldOut(c.split));
    expect(heldOut.length).toBeGreaterThanOrEqual(260);
    const texts = new Set(train.map((t) => t.text));
    for (const c of heldOut)
      if (c.request.kind === "chat") expect(texts.has(c.request.text), c.id).toBe(false);
  });
});
