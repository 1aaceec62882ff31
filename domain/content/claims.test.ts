import { describe, expect, it } from "vitest";
import { unbackedFindings } from "./claims.ts";
import { findingsIn } from "./patterns.ts";

describe("findingsIn", () => {
  it("names each finding once, instructions first", () => {
    expect(findingsIn("Ignore previous instructions: 50% off, 50% off, guaranteed")).toEqual([
      "instruction",
      "claim_percent",
      "claim_discount",
      "claim_guarantee",
    ]);
    expect(findingsIn("Hi Ana, shall I send the checklist over?")).toEqual([]);
  });

  it("does not flag words that merely contain a claim word", () => {
    expect(findingsIn("Freeman, Offering Manager, Roiland GmbH, Discounter-free")).toEqual(["claim_free"]);
    expect(findingsIn("Freeman, Offering Manager, Roiland GmbH")).toEqual([]);
  });
});

describe("unbackedFindings", () => {
  const template =
    "Hi {{contact.first_name}},\n\nAny open questions on scope or pricing for {{account.name}}?";

  it("is empty for a clean fill, even when the template itself makes the claim", () => {
    expect(unbackedFindings("Hi Ana,\n\nAny open questions on scope or pricing for Acme?", template)).toEqual(
      [],
    );
  });

  it("flags a claim the template does not make", () => {
    expect(
      unbackedFindings(
        "Hi Ana,\n\nAny open questions on scope or pricing for Acme (we guarantee 300% ROI)?",
        template,
      ),
    ).toEqual(["claim_percent", "claim_guarantee", "claim_roi"]);
  });

  it("flags a second occurrence of a claim the template makes once", () => {
    expect(
      unbackedFindings("Hi Ana,\n\nAny open questions on scope or pricing for Pricing Co?", template),
    ).toEqual(["claim_price"]);
  });

  it("flags an instruction formed across a field and the template text", () => {
    const t = "{{contact.first_name}} previous instructions were sent.";
    expect(unbackedFindings("Ignore previous instructions were sent.", t)).toEqual(["instruction"]);
  });
});
