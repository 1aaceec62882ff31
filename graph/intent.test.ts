import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clauses, createIntentMatcher, terms } from "./intent.ts";

const profiles = [
  {
    id: "deal-closer",
    description: "Finds stale deals and proposes next steps",
    examples: ["which deals are at risk?", "who should we chase"],
    keywords: ["deal", "close", "stale", "go after"],
  },
  {
    id: "marketing-analytics",
    description: "Funnel and marketing metrics",
    examples: ["why did webinar signups drop?", "show the funnel"],
    keywords: ["funnel", "attribution", "signups", "kpi"],
  },
  {
    id: "market-intelligence",
    description: "Market brief",
    examples: ["give me a market brief", "which accounts fit"],
    keywords: ["market", "brief"],
  },
] as const;

/** idf of a term held by one of the three profiles: ln(4 / 1.5). */
const UNIQUE = Math.log(4 / 1.5);
const round = (n: number) => Math.round(n * 100) / 100;

describe("intent matcher", () => {
  const match = createIntentMatcher(profiles, { minScore: 0.5 });
  const scoreOf = (text: string, agent: string) => match(text).scores.find((s) => s.agent === agent)!;

  it("routes by the strongest overlap, deterministically", () => {
    expect(match("Which stale deals should we close this month?").agents).toEqual(["deal-closer"]);
    expect(match("Why did our webinar signups fall?").agents).toEqual(["marketing-analytics"]);
    expect(match("Why did our webinar signups fall?")).toEqual(match("Why did our webinar signups fall?"));
  });

  it("explains each score: keywords count double, examples and description once", () => {
    // "stale" and "deal" are keywords only deal-closer has: 2 × ln(4/1.5) each.
    expect(scoreOf("stale deals", "deal-closer")).toEqual({
      agent: "deal-closer",
      score: round(4 * UNIQUE),
      strong: ["stale", "deal"],
      weak: [],
    });
    // "risk" is in one example: ln(4/1.5) once.
    expect(scoreOf("risk", "deal-closer")).toMatchObject({
      score: round(UNIQUE),
      strong: [],
      weak: ["risk"],
    });
  });

  it("needs minimum evidence: one keyword, or two weaker terms", () => {
    expect(scoreOf("risk", "deal-closer").score).toBeGreaterThan(0.5);
    expect(match("risk").agents).toEqual([]);
    expect(match("stale").agents).toEqual(["deal-closer"]);
    expect(match("chase the risk").agents).toEqual(["deal-closer"]);
  });

  it("returns no agent for small talk or a request it cannot place", () => {
    expect(match("bake a cake").agents).toEqual([]);
    expect(match("hello there").scores.every((s) => s.score === 0)).toBe(true);
    expect(match("tell me a joke about accountants").agents).toEqual([]);
  });

  it("counts a multi-word keyword only as the whole phrase", () => {
    expect(scoreOf("who should sales go after?", "deal-closer")).toMatchObject({
      score: round(4 * UNIQUE),
      strong: ["go after"],
    });
    expect(scoreOf("go out after lunch", "deal-closer")).toMatchObject({
      score: round(2 * UNIQUE),
      strong: [],
      weak: ["go", "after"],
    });
  });

  it("keeps marketing apart from market", () => {
    expect(scoreOf("marketing metrics", "market-intelligence").score).toBe(0);
    expect(match("marketing metrics").agents).toEqual(["marketing-analytics"]);
  });

  it("runs the winner of each clause of a request that asks for two things, within maxAgents", () => {
    const text = "Show the funnel and give me a market brief";
    expect(scoreOf(text, "market-intelligence").score).toBe(round(4 * UNIQUE));
    expect(scoreOf(text, "marketing-analytics").score).toBe(round(2 * UNIQUE)); // below 0.8 of the best
    expect(match(text).agents).toEqual(["market-intelligence", "marketing-analytics"]);
    expect(createIntentMatcher(profiles, { maxAgents: 1 })(text).agents).toEqual(["market-intelligence"]);
    expect(match("Give me a market brief").agents).toEqual(["market-intelligence"]);
  });

  it("is pure: the same text always gives the same verdict, never more than maxAgents", () => {
    const words = ["stale", "deal", "funnel", "market", "brief", "and", "then", "risk", "hello", ","];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (picked) => {
        const text = picked.join(" ");
        const first = match(text);
        expect(match(text)).toEqual(first);
        expect(first.agents.length).toBeLessThanOrEqual(2);
        for (const agent of first.agents) {
          const s = first.scores.find((x) => x.agent === agent)!;
          expect(s.strong.length > 0 || s.weak.length >= 2).toBe(true);
        }
      }),
    );
  });
});

describe("terms and clauses", () => {
  it("stems plurals, drops stop words and keeps word order", () => {
    expect(terms("The deals are closing")).toEqual(["deal", "clos"]);
    expect(terms("Tell me about the marketing markets")).toEqual(["marketing", "market"]);
    expect(terms("accountants and accounts")).toEqual(["accounta", "account"]);
  });

  it("splits on and, then, commas and semicolons", () => {
    expect(clauses("Score accounts against the ICP and plan a campaign")).toEqual([
      "Score accounts against the ICP",
      "plan a campaign",
    ]);
    expect(clauses("show the funnel, and then reallocate; done")).toEqual([
      "show the funnel",
      "reallocate",
      "done",
    ]);
    expect(clauses("brandy sandwich")).toEqual(["brandy sandwich"]);
  });
});
