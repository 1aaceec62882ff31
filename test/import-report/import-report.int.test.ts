import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli as growth } from "../helpers/in-process-cli.ts";
import { countCrm, FIXTURES, tempDb } from "./store-probe.ts";

/*
 * The hand-made set in test/fixtures/csv/good, worked by hand (money in dollars, days are UTC days).
 *
 * Opportunities:
 *   o1 acme.com  12000.00 closed_won  created 2025-02-03 closed 2025-03-03  → cycle 28 days
 *   o2 beta.io    5000.00 closed_won  created 2025-02-15 closed 2025-04-16  → cycle 60 days
 *   o3 gamma.co.uk 8000   closed_lost created 2025-01-20 closed 2025-03-21
 *   o4 delta.com  3000    proposal     (p = 0.6)
 *   o5 acme.com   2000    negotiation  (p = 0.8)
 *   o6 gamma.co.uk 1500.50 new         (p = 0.1)
 * Pipeline: open = o4, o5, o6 → count 3, value 3000 + 2000 + 1500.50 = 6500.50;
 *   weighted = 1800 + 1600 + 150.05 = 3550.05.
 * Win rate = 2 won / 3 closed = 0.6667; average won deal = (12000 + 5000) / 2 = 8500;
 * cycle = (28 + 60) / 2 = 44 days; velocity = 3 × 2/3 × 8500 / 44 = 17000 / 44 = 386.3636… → 386.36 per day.
 *
 * Attribution covers the two won deals (o3 is lost, o4–o6 open; fred@gmail.com has no account).
 * o1 (Acme, $12,000 = 1,200,000 ¢, closed 2025-03-03T00:00Z). Acme's contacts: ann (created 01-14, named
 * "ACME.com") and bob (account left empty → derived from his email domain). Touches inside
 * [closed − 365 d, closed]: t00 (2024-03-02, 366 days before) and t07 (after close) are out.
 *   t01 01-06 ads      "Q1 Search"   (none)             56 d before close   role: first
 *   t02 01-13 webinar  "Jan Webinar" campaign-execution 49 d               role: lead creation (last ≤ 01-14)
 *   t03 01-27 email    "Nurture"     campaign-execution 35 d               middle
 *   t04 02-03 meeting  (none)        lead-engagement    28 d               role: deal creation (at created_at)
 *   t05 02-17 email    (none)        deal-closer        14 d               middle
 *   t06 03-03 meeting  (none)        deal-closer         0 d               role: closed-won (at close)
 * o2 (Beta, $5,000 = 500,000 ¢, closed 2025-04-16). Contact cara created 02-01; deal created 02-15.
 *   t11 03-19 webinar "Spring Webinar" campaign-execution 28 d  role: first (lead and deal creation anchors are
 *                                                                 missing: no touch before 02-01 / 02-15 → first)
 *   t12 04-09 email   "Spring Webinar" lead-engagement     7 d  role: closed-won
 *
 * Per model, cents per touch:
 *   first:  t01 1,200,000 | t11 500,000
 *   last:   t06 1,200,000 | t12 500,000
 *   linear: t01..t06 200,000 each | t11, t12 250,000 each
 *   u:      t01 480,000 (40%), t02 480,000 (40%), middle t03..t06 60,000 each (20% / 4)
 *           | t11 400,000 (40% first + 40% missing lead anchor), t12 100,000 (middle: closed-won is no U role)
 *   w:      t01, t02, t04 360,000 each (30%), middle t03, t05, t06 40,000 each (10% / 3)
 *           | t11 450,000 (30% + two missing anchors' 30%), t12 50,000 (middle)
 *   full-path: t01, t02, t04, t06 270,000 each (22.5%), middle t03, t05 60,000 each
 *           | t11 67.5% and t12 22.5% with no middle touch, so the 10% middle goes 3:1 → t11 375,000, t12 125,000
 *   time-decay (weight 2^(−days/7)): Acme weights 1/256, 1/128, 1/32, 1/16, 1/4, 1 = (1,2,8,16,64,256)/256, Σ = 347/256;
 *           exact cents 1,200,000 × (1,2,8,16,64,256)/347 = 3458.21, 6916.43, 27665.71, 55331.41, 221325.65,
 *           885302.59; floors sum to 1,199,997, the 3 cents left go to the largest remainders (.71 t03, .65 t05,
 *           .59 t06) → 3458, 6916, 27666, 55331, 221326, 885303.
 *           Beta weights 1/16, 1/2 → 1/9, 8/9 of 500,000 = 55,555.56, 444,444.44 → 55,556 and 444,444.
 * Rolled up by campaign, channel and agent (dollars) below; each column sums to 17,000.
 */
const EXPECTED = {
  first: {
    by_campaign: { "Q1 Search": 12000, "Spring Webinar": 5000 },
    by_channel: { ads: 12000, webinar: 5000 },
    by_agent: { "(none)": 12000, "campaign-execution": 5000 },
  },
  last: {
    by_campaign: { "(none)": 12000, "Spring Webinar": 5000 },
    by_channel: { meeting: 12000, email: 5000 },
    by_agent: { "deal-closer": 12000, "lead-engagement": 5000 },
  },
  linear: {
    // (none) = t04 + t05 + t06; webinar = t02 + t11; email = t03 + t05 + t12.
    by_campaign: {
      "Q1 Search": 2000,
      "Jan Webinar": 2000,
      Nurture: 2000,
      "(none)": 6000,
      "Spring Webinar": 5000,
    },
    by_channel: { ads: 2000, webinar: 4500, email: 6500, meeting: 4000 },
    by_agent: { "(none)": 2000, "campaign-execution": 6500, "lead-engagement": 4500, "deal-closer": 4000 },
  },
  u: {
    by_campaign: {
      "Q1 Search": 4800,
      "Jan Webinar": 4800,
      Nurture: 600,
      "(none)": 1800,
      "Spring Webinar": 5000,
    },
    by_channel: { ads: 4800, webinar: 8800, email: 2200, meeting: 1200 },
    by_agent: { "(none)": 4800, "campaign-execution": 9400, "lead-engagement": 1600, "deal-closer": 1200 },
  },
  w: {
    by_campaign: {
      "Q1 Search": 3600,
      "Jan Webinar": 3600,
      Nurture: 400,
      "(none)": 4400,
      "Spring Webinar": 5000,
    },
    by_channel: { ads: 3600, webinar: 8100, email: 1300, meeting: 4000 },
    by_agent: { "(none)": 3600, "campaign-execution": 8500, "lead-engagement": 4100, "deal-closer": 800 },
  },
  "full-path": {
    by_campaign: {
      "Q1 Search": 2700,
      "Jan Webinar": 2700,
      Nurture: 600,
      "(none)": 6000,
      "Spring Webinar": 5000,
    },
    by_channel: { ads: 2700, webinar: 6450, email: 2450, meeting: 5400 },
    by_agent: { "(none)": 2700, "campaign-execution": 7050, "lead-engagement": 3950, "deal-closer": 3300 },
  },
  "time-decay": {
    // (none) = 55,331 + 221,326 + 885,303 ¢; webinar = 6,916 + 55,556; email = 27,666 + 221,326 + 444,444;
    // meeting = 55,331 + 885,303; campaign-execution = 6,916 + 27,666 + 55,556; lead-engagement = 55,331 + 444,444.
    by_campaign: {
      "Q1 Search": 34.58,
      "Jan Webinar": 69.16,
      Nurture: 276.66,
      "(none)": 11619.6,
      "Spring Webinar": 5000,
    },
    by_channel: { ads: 34.58, webinar: 624.72, email: 6934.36, meeting: 9406.34 },
    by_agent: {
      "(none)": 34.58,
      "campaign-execution": 901.38,
      "lead-engagement": 4997.75,
      "deal-closer": 11066.29,
    },
  },
} as const;

type Json = Record<string, unknown> & {
  pipeline: Record<string, number>;
  attribution: {
    model: string;
    by_campaign: Record<string, number>;
    by_channel: Record<string, number>;
    by_agent: Record<string, number>;
  } & Record<string, unknown>;
  reasons: Record<string, string>;
};

async function report(db: string, args: string[]): Promise<Json> {
  const result = await growth(["--db", db, "report", "--json", ...args]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

// Touches that earned nothing under a model may be listed with 0; the hand computation lists only credit.
function credited(sums: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(sums).filter(([, v]) => v !== 0));
}

describe("growth import + growth report on the hand-made CSV set", () => {
  const db = tempDb();

  beforeAll(async () => {
    const imported = await growth(["--db", db, "import", join(FIXTURES, "good")]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
  });

  it("imports every row, normalising keys", async () => {
    expect(await countCrm(db)).toEqual({
      accounts: 4,
      contacts: 6,
      opportunities: 6,
      // One entry per new opportunity: the stage the file gives.
      opportunity_stage_history: 6,
      touches: 13,
    });
  });

  it("reports pipeline, win rate, average deal, cycle and velocity as worked by hand", async () => {
    const json = await report(db, []);
    expect(json.pipeline).toEqual({ open_count: 3, open_value: 6500.5, weighted_value: 3550.05 });
    expect(json.win_rate).toBeCloseTo(2 / 3, 12);
    expect(json.avg_won_deal).toBe(8500);
    expect(json.sales_cycle_days).toBeCloseTo(44, 12);
    expect(json.velocity_per_day).toBe(386.36);
    expect(json.reasons).toEqual({});
    expect(json.currency).toBe("USD");
  });

  for (const model of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    it(`credits campaigns, channels and agents by hand under --model ${model}`, async () => {
      const { attribution } = await report(db, ["--model", model]);
      expect(attribution.model).toBe(model);
      expect(attribution.deals_credited).toBe(2);
      expect(attribution.total).toBe(17000);
      expect(credited(attribution.by_campaign)).toEqual(EXPECTED[model].by_campaign);
      expect(credited(attribution.by_channel)).toEqual(EXPECTED[model].by_channel);
      expect(credited(attribution.by_agent)).toEqual(EXPECTED[model].by_agent);
    });
  }

  it("limits closed-deal metrics and attribution to --from/--to, and pipeline to deals created by --to", async () => {
    // March: o1 won (03-03) and o3 lost (03-21) → win rate 1/2, average 12000, cycle 28 days; open deals created
    // by 03-31 are o4 and o5 (o6 is created 04-01) → count 2, value 5000, weighted 1800 + 1600 = 3400;
    // velocity = 2 × 0.5 × 12000 / 28 = 428.571… → 428.57. Linear attribution of o1 alone: 6 × $2,000.
    const json = await report(db, ["--from", "2025-03-01", "--to", "2025-03-31", "--model", "linear"]);
    expect(json.pipeline).toEqual({ open_count: 2, open_value: 5000, weighted_value: 3400 });
    expect(json.win_rate).toBe(0.5);
    expect(json.avg_won_deal).toBe(12000);
    expect(json.sales_cycle_days).toBeCloseTo(28, 12);
    expect(json.velocity_per_day).toBe(428.57);
    expect(credited(json.attribution.by_campaign)).toEqual({
      "Q1 Search": 2000,
      "Jan Webinar": 2000,
      Nurture: 2000,
      "(none)": 6000,
    });
  });

  it("includes the whole --to day when --to is a date", async () => {
    // o1 closed 2025-03-03T00:00Z; a window ending 03-02 leaves it out, one ending 03-03 takes it in.
    expect((await report(db, ["--from", "2025-03-01", "--to", "2025-03-02"])).win_rate).toBeNull();
    expect((await report(db, ["--from", "2025-03-01", "--to", "2025-03-03"])).win_rate).toBe(1);
  });

  it("gives null with a reason, never 0, when nothing closed in the window", async () => {
    const json = await report(db, ["--from", "2026-01-01"]);
    for (const key of ["win_rate", "avg_won_deal", "sales_cycle_days", "velocity_per_day"]) {
      expect(json[key], key).toBeNull();
      expect(json.reasons[key], key).toMatch(/No opportunity was (closed|won)/);
    }
    expect(json.attribution.deals_credited).toBe(0);
    expect(json.attribution.by_campaign).toEqual({});
  });

  it("prints a readable report by default", async () => {
    const result = await growth(["--db", db, "report", "--model", "w"]);
    expect(result.code).toBe(0);
    for (const heading of [
      "Pipeline",
      "Win rate",
      "Velocity",
      "Funnel",
      "Stage conversion",
      "By campaign",
      "By channel",
      "By agent",
    ]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toContain("$3,550.05");
    expect(result.stdout).toMatch(/campaign-execution\s+\$8,500\.00/);
  });

  it("refuses a bad --from, --model or window with one line and exit 2", async () => {
    for (const args of [
      ["--from", "2025-02-30"],
      ["--to", "yesterday"],
      ["--model", "v-shaped"],
      ["--from", "2025-04-01", "--to", "2025-03-01"],
    ]) {
      const result = await growth(["--db", db, "report", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stdout).toBe("");
    }
  });
});
