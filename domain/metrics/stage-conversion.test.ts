import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stageConversion } from "./stage-conversion.ts";
import { day, HAND_WORKED, opp, oppArb } from "./test-fixtures.ts";

function table(rows: ReturnType<typeof stageConversion>) {
  return rows.map((r) => [`${r.from}→${r.to}`, r.entered, r.reached, r.rate.value]);
}

describe("stageConversion", () => {
  it("gives the hand-worked cohorts, jumps counting as passing the skipped stages", () => {
    // new: A B C E F entered, B C E F moved on. qualified: B (skipped) C E F, E was lost.
    // discovery: B C D F, all moved on. proposal: B C D F, B still there. negotiation: C D (skipped) F, C D won.
    expect(table(stageConversion(HAND_WORKED))).toEqual([
      ["new→qualified", 5, 4, 0.8],
      ["qualified→discovery", 4, 3, 0.75],
      ["discovery→proposal", 4, 4, 1],
      ["proposal→negotiation", 4, 3, 0.75],
      ["negotiation→closed_won", 3, 2, 2 / 3],
    ]);
  });

  it("gives every pair null with a reason for no data", () => {
    const rows = stageConversion([]);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row).toMatchObject({ entered: 0, reached: 0, rate: { value: null } });
      expect(row.rate.reason).toBe(`No opportunity entered "${row.from}" in the data.`);
    }
  });

  it("does not put an opportunity created at a later stage in the earlier cohorts", () => {
    const rows = stageConversion([opp("d", 1, [["proposal", 0]])]);
    expect(rows.map((r) => r.entered)).toEqual([0, 0, 0, 1, 0]);
  });

  it("counts a move back and forth once, and a later step back does not undo reaching", () => {
    const rows = stageConversion([
      opp("x", 1, [
        ["new", 0],
        ["qualified", 1],
        ["new", 2],
        ["qualified", 3],
      ]),
    ]);
    expect(rows[0]).toMatchObject({ entered: 1, reached: 1 });
    expect(rows[1]).toMatchObject({ entered: 1, reached: 0 });
  });

  it("lets a reopened deal reach later stages after closed_lost", () => {
    const rows = stageConversion([
      opp("r", 1, [
        ["new", 0],
        ["closed_lost", 5],
        ["qualified", 9],
      ]),
    ]);
    expect(rows[0]).toMatchObject({ entered: 1, reached: 1 });
  });

  it("orders the history by time and falls back to the current stage when it is empty", () => {
    const shuffled = opp("s", 1, [
      ["qualified", 5],
      ["new", 0],
    ]);
    const rows = stageConversion([{ ...shuffled, stage: "qualified" }]);
    expect(rows[0]).toMatchObject({ entered: 1, reached: 1 });
    const bare = { ...opp("b", 1, [["discovery", 0]]), stageHistory: [] };
    expect(stageConversion([bare]).map((r) => r.entered)).toEqual([0, 0, 1, 0, 0]);
  });

  it("counts the current stage when the history misses it", () => {
    const stale = { ...opp("s", 1, [["negotiation", 0]]), stage: "closed_won" as const, closedAt: day(9) };
    expect(stageConversion([stale])[4]).toMatchObject({ entered: 1, reached: 1 });
  });

  it("builds cohorts by first entry inside the window and counts conversion after it", () => {
    // Entered new in days 0–10: A, B (day 10, the end is included), C, E; all but A moved on.
    const rows = stageConversion(HAND_WORKED, { from: day(0), to: day(10) });
    expect(rows[0]).toMatchObject({ entered: 4, reached: 3 });
    // B skipped qualified on day 15: outside; C on day 5 and E on day 10 inside.
    expect(rows[1]).toMatchObject({ entered: 2, reached: 1 });
  });

  it("keeps reached ≤ entered, and reached(k) ≤ entered(k+1) over all data", () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 20 }), (opps) => {
        const rows = stageConversion(opps);
        for (const [i, row] of rows.entries()) {
          expect(row.reached).toBeLessThanOrEqual(row.entered);
          const next = rows[i + 1];
          if (next !== undefined) expect(row.reached).toBeLessThanOrEqual(next.entered);
          if (row.rate.value !== null) expect(row.rate.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
