import { describe, expect, it } from "vitest";
import { rollUp } from "./roll-up.ts";
import { deal, touch } from "./test-fixtures.ts";

describe("rollUp", () => {
  // Deal A (1,000): touches a1 (webinar, campaign w, agent exec) 50 d, a2 (call, no campaign, no agent) 10 d;
  // lead anchor missing (60 d), deal anchor a1 (20 d). Deal B (600): one touch b1 (webinar, w, exec).
  // Deal C (500): only a touch 400 days before close, outside the window.
  const deals = [
    {
      deal: deal(1_000, 20, 60, "A"),
      touches: [
        touch("a1", 50, { channel: "webinar", campaign: "w", agent: "exec" }),
        touch("a2", 10, { channel: "call" }),
      ],
    },
    {
      deal: deal(600, 20, 60, "B"),
      touches: [touch("b1", 5, { channel: "webinar", campaign: "w", agent: "exec" })],
    },
    { deal: deal(500, 20, 60, "C"), touches: [touch("c1", 400, { channel: "email", campaign: "old" })] },
  ];

  it("sums w credits by campaign, channel and agent, with missing keys under (none)", () => {
    // w on A: a1 90% = 900, a2 middle 10% = 100. B: b1 takes 600. C has no touch in the window.
    expect(rollUp(deals, "w")).toEqual({
      model: "w",
      dealsCredited: 2,
      dealsWithoutTouches: 1,
      totalCents: 1_600,
      byCampaign: { "(none)": 100, w: 1_500 },
      byChannel: { call: 100, webinar: 1_500 },
      byAgent: { "(none)": 100, exec: 1_500 },
    });
  });

  it("follows the model: last credits the closing call of A", () => {
    // last on A: a2 1,000; B: b1 600.
    const last = rollUp(deals, "last");
    expect(last.byChannel).toEqual({ call: 1_000, webinar: 600 });
    expect(last.totalCents).toBe(1_600);
  });

  it("keeps touched-but-uncredited keys at 0 and is empty for no deals", () => {
    // first on A: a1 1,000, a2 0.
    expect(rollUp(deals.slice(0, 1), "first").byChannel).toEqual({ call: 0, webinar: 1_000 });
    expect(rollUp([], "linear")).toEqual({
      model: "linear",
      dealsCredited: 0,
      dealsWithoutTouches: 0,
      totalCents: 0,
      byCampaign: {},
      byChannel: {},
      byAgent: {},
    });
  });

  it("passes the options through to every deal", () => {
    // A 30-day look-back leaves only a2 on A (→ 1,000) and b1 on B.
    expect(rollUp(deals, "w", { lookbackDays: 30 }).byChannel).toEqual({ call: 1_000, webinar: 600 });
  });
});
