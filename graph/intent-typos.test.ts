import { describe, expect, it } from "vitest";
import { oneEditApart, typoRepairer } from "./intent-typos.ts";

describe("typo repair", () => {
  it("tells words one edit apart: insertion, deletion, substitution, swap", () => {
    expect(oneEditApart("shedule", "schedule")).toBe(true);
    expect(oneEditApart("campaign", "campain")).toBe(true);
    expect(oneEditApart("funnel", "funnek")).toBe(true);
    expect(oneEditApart("marketnig", "marketing")).toBe(true);
    expect(oneEditApart("market", "marketing")).toBe(false);
    expect(oneEditApart("stale", "steal")).toBe(false);
  });

  it("repairs an unknown word to the most common established word one edit away, and leaves the rest", () => {
    const vocabulary = new Map([
      ["schedule", 5],
      ["campaign", 9],
      ["campaigns", 3],
      ["funnel", 2],
      ["show", 8],
    ]);
    const repair = typoRepairer(vocabulary);
    expect(repair("shedule")).toBe("schedule");
    expect(repair("campaignn")).toBe("campaign");
    expect(repair("campaign")).toBe("campaign");
    expect(repair("funnek")).toBe("funnek"); // "funnel" is in too few training documents
    expect(repair("snow")).toBe("snow"); // too short to repair safely: one edit from "show"
    expect(repair("holiday")).toBe("holiday");
  });
});
