import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_FIT_RULES, FitRule, FitRules } from "./fit-rules.ts";
import { fitBreakdown, fitScore, titlePoints } from "./fit-score.ts";

describe("fitScore with the default ICP", () => {
  it("adds industry, size, market and seniority: 30 + 30 + 15 + 20 = 95", () => {
    expect(fitScore({ industry: "SaaS", employees: 500, country: "US", title: "VP Sales" })).toBe(95);
  });

  it("matches ignoring case and spacing and reaches 100 for the ideal lead", () => {
    const facts = {
      industry: " saas ",
      employees: 5_000,
      country: "united  states",
      title: "Chief Executive Officer",
    };
    expect(fitScore(facts)).toBe(100);
  });

  it("scores each dimension by its first matching rule", () => {
    const { matches } = fitBreakdown({
      industry: "Healthcare",
      employees: 51,
      country: "FR",
      title: "Director of IT",
    });
    expect(matches.map((m) => [m.type, m.points])).toEqual([
      ["industry", 15],
      ["employees", 20],
      ["country", 8],
      ["title", 15],
    ]);
  });

  it.each([
    ["CEO", 25],
    ["Co-Founder & CEO", 25],
    ["Vice President, Marketing", 20],
    ["SVP Sales", 20],
    ["Head of Growth", 20],
    ["President", 25],
    ["Director of Procurement", 15],
    ["Engineering Manager", 8],
    ["Software Engineer", 0],
    ["Headhunter", 0],
    ["Product Owner", 0],
  ])("gives the title %j %d points", (title, points) => {
    expect(fitScore({ title })).toBe(points);
  });

  it.each([
    [10, 0],
    [11, 8],
    [50, 8],
    [51, 20],
    [200, 20],
    [201, 30],
    [5_000, 30],
    [5_001, 20],
    [1_000_000, 20],
  ])("gives %d employees %d points, bands inclusive at both ends", (employees, points) => {
    expect(fitScore({ employees })).toBe(points);
  });

  it("is 0 when nothing is known", () => {
    expect(fitBreakdown({})).toEqual({ score: 0, matches: [] });
    expect(fitScore({ industry: null, employees: null, country: "", title: "   " })).toBe(0);
  });
});

describe("fitScore with rules as data", () => {
  it("caps at 100 and floors at 0", () => {
    const rules = FitRules.parse([
      { type: "industry", label: "i", points: 80, anyOf: ["SaaS"] },
      { type: "country", label: "c", points: 80, anyOf: ["US"] },
      { type: "title", label: "student", points: -50, keywords: ["student"] },
    ]);
    expect(fitScore({ industry: "SaaS", country: "US" }, rules)).toBe(100);
    expect(fitScore({ title: "PhD Student" }, rules)).toBe(0);
    expect(fitScore({ industry: "SaaS", title: "Student" }, rules)).toBe(30);
  });

  it("validates rules with a message that says what to do", () => {
    const bad = FitRule.safeParse({ type: "employees", label: "x", points: 5, min: 100, max: 10 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/min ≤ max/);
    expect(FitRules.safeParse(DEFAULT_FIT_RULES).success).toBe(true);
  });

  it("keeps any score within 0–100", () => {
    const rule = fc.oneof(
      fc.record({
        type: fc.constant("industry" as const),
        label: fc.constant("i"),
        points: fc.integer({ min: -100, max: 100 }),
        anyOf: fc.array(fc.constantFrom("SaaS", "Retail"), { minLength: 1 }),
      }),
      fc.record({
        type: fc.constant("employees" as const),
        label: fc.constant("e"),
        points: fc.integer({ min: -100, max: 100 }),
        min: fc.integer({ min: 0, max: 100 }),
      }),
    );
    const facts = fc.record({
      industry: fc.constantFrom("SaaS", "Retail", null),
      employees: fc.option(fc.integer({ min: 0, max: 200 })),
    });
    fc.assert(
      fc.property(fc.array(rule), facts, (rules, f) => {
        const score = fitScore(f, rules);
        expect(score >= 0 && score <= 100).toBe(true);
      }),
    );
  });
});

describe("titlePoints", () => {
  it("is what a title adds to the untitled breakdown, for any facts", () => {
    const title = fc.oneof(
      fc.constantFrom("VP Sales", "Head of Growth", "Chief of Staff", "Director, Ops", "Team Lead", "", "  "),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom("SaaS", "Fintech", "Retail")),
        fc.option(fc.integer({ min: 0, max: 20_000 })),
        title,
        (industry, employees, t) => {
          const base = { industry, employees, country: "US" };
          const untitled = fitBreakdown(base).matches.reduce((sum, m) => sum + m.points, 0);
          const points = titlePoints(t);
          const expected = Math.min(100, Math.max(0, untitled + (points ?? 0)));
          expect(fitBreakdown({ ...base, title: t }).score).toBe(expected);
          expect(points === null).toBe(
            !fitBreakdown({ ...base, title: t }).matches.some((m) => m.type === "title"),
          );
        },
      ),
    );
  });
});
