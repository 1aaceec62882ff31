import { describe, expect, it } from "vitest";
import { claimPattern, draftsOf, scoreContent } from "./content.ts";

const drafts = [
  {
    templateId: "nurture-email",
    text: "How SaaS teams like Acme keep pipeline honest\nHi Ana, as Marketing Manager at Acme",
  },
  { templateId: "nurture-email", text: "Hi Carl, as Chief Financial Officer at Acme" },
];
const expect0 = { minDrafts: 1, facts: [], forbidden: [] };

describe("claimPattern", () => {
  it("reads /regex/ as a case-insensitive pattern and escapes plain text", () => {
    expect(claimPattern("/\\d+%/").test("save 30%")).toBe(true);
    expect(claimPattern("guaranteed (ROI)").test("GUARANTEED (roi)")).toBe(true);
    expect(claimPattern("a.b").test("axb")).toBe(false);
  });
});

describe("scoreContent", () => {
  it("passes when every fact is in some draft and no forbidden claim appears", () => {
    const result = scoreContent(
      { ...expect0, facts: ["acme", "Ana", "Carl"], forbidden: ["Globex", "/guarantee/"] },
      drafts,
    );
    expect(result).toMatchObject({ pass: true, score: 1 });
  });

  it("one point per fact, per forbidden claim and for the draft count", () => {
    // 1 (count) + 2 facts + 2 forbidden = 5 points; "Bea" missing and "CFO|Chief" present: 3 of 5.
    const result = scoreContent(
      { ...expect0, facts: ["Acme", "Bea"], forbidden: ["/chief/", "Globex"] },
      drafts,
    );
    expect(result).toMatchObject({ pass: false, score: 0.6 });
    expect(result.detail).toBe('missing fact "Bea"; forbidden claim /chief/');
  });

  it("fails on too few drafts and on a template outside the allowed ones", () => {
    expect(scoreContent({ ...expect0, minDrafts: 3 }, drafts)).toMatchObject({ pass: false, score: 0 });
    expect(scoreContent({ ...expect0, templates: ["webinar-invite"] }, drafts).detail).toBe(
      "unexpected template nurture-email",
    );
  });

  it("reads drafts from the content agent's artefact only", () => {
    const results = [
      {
        agent: "content-creation" as const,
        proposals: [],
        artefact: { drafts: [{ templateId: "t", subject: "S", body: "B" }] },
      },
      {
        agent: "campaign-planner" as const,
        proposals: [],
        artefact: { drafts: [{ templateId: "x", subject: "no", body: "no" }] },
      },
    ];
    expect(draftsOf(results)).toEqual([{ templateId: "t", text: "S\nB" }]);
  });
});
