import { describe, expect, it } from "vitest";
import { createIntentMatcher, terms } from "./intent.ts";

const profiles = [
  {
    id: "deal-closer",
    description: "Finds stale deals and proposes next steps",
    examples: ["which deals are at risk?"],
    keywords: ["deal", "close", "stale", "risk"],
  },
  {
    id: "marketing-analytics",
    description: "Funnel, velocity and attribution",
    examples: ["why did webinar signups drop?"],
    keywords: ["funnel", "attribution", "signups", "kpi"],
  },
] as const;

describe("intent matcher", () => {
  const match = createIntentMatcher(profiles, { minScore: 0.5 });

  it("routes by the strongest overlap, deterministically", () => {
    expect(match("Which stale deals should we close this month?").agents).toEqual(["deal-closer"]);
    expect(match("Why did our webinar signups fall?").agents).toEqual(["marketing-analytics"]);
    expect(match("Why did our webinar signups fall?")).toEqual(match("Why did our webinar signups fall?"));
  });

  it("returns no agent for a request it cannot place", () => {
    expect(match("bake a cake").agents).toEqual([]);
  });

  it("stems plurals and drops stop words", () => {
    expect(terms("The deals are closing")).toEqual(["deal", "clos"]);
  });
});
