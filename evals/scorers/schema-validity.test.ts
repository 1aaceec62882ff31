import { describe, expect, it } from "vitest";
import { AGENTS } from "../../agents/index.ts";
import { scoreSchemaValidity } from "./schema-validity.ts";

describe("scoreSchemaValidity", () => {
  it("passes with nothing to check", () => {
    expect(scoreSchemaValidity({ results: [], decisions: [], errors: [] }, AGENTS)).toMatchObject({
      pass: true,
    });
  });

  it("counts an artefact that does not fit, a bad proposal and a dropped proposal", () => {
    const result = scoreSchemaValidity(
      {
        results: [
          { agent: "lead-engagement", artefact: { nonsense: true }, proposals: [{ type: "send_touch" }] },
        ],
        decisions: [],
        errors: [{ node: "lead-engagement", code: "proposal_invalid", message: "x", deadLetterId: null }],
      },
      AGENTS,
    );
    // Three objects (artefact, proposal, dropped proposal), all bad.
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.detail).toBe(
      "invalid: lead-engagement artefact, lead-engagement proposal 1, lead-engagement: proposal_invalid",
    );
  });
});
