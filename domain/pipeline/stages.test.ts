import { describe, expect, it } from "vitest";
import { CLOSED_STAGES, isClosed, OPEN_STAGES, parseStage, pathIndex, STAGES, Stage } from "./stages.ts";

describe("stages", () => {
  it("lists the open stages in order, then the closed ones", () => {
    expect(STAGES).toEqual([...OPEN_STAGES, ...CLOSED_STAGES]);
    expect(OPEN_STAGES).toEqual(["new", "qualified", "discovery", "proposal", "negotiation"]);
  });

  it("marks exactly the two closed stages as closed", () => {
    expect(STAGES.filter(isClosed)).toEqual(["closed_won", "closed_lost"]);
  });

  it("validates with the Stage schema", () => {
    expect(Stage.parse("proposal")).toBe("proposal");
    expect(Stage.safeParse("won").success).toBe(false);
  });

  it("puts closed_won at the end of the winning path and closed_lost off it", () => {
    expect(STAGES.map(pathIndex)).toEqual([0, 1, 2, 3, 4, 5, null]);
  });
});

describe("parseStage", () => {
  it.each([
    ["new", "new"],
    [" Proposal ", "proposal"],
    ["CLOSED_WON", "closed_won"],
    ["closed won", "closed_won"],
    ["closed-lost", "closed_lost"],
  ])("%j → %s", (input, expected) => {
    expect(parseStage(input)).toBe(expected);
  });

  it.each(["", "won", "closed", "proposals", "new stage", "__proto__", "toString"])(
    "gives null for %j",
    (input) => {
      expect(parseStage(input)).toBeNull();
    },
  );

  it("round-trips every stage", () => {
    for (const stage of STAGES) expect(parseStage(stage)).toBe(stage);
  });
});
