import { afterEach, describe, expect, it, vi } from "vitest";
import { AGENT_IDS } from "../../domain/agents.ts";
import { SEED_TABLES } from "../../store/seed-writer.ts";
import { DEFAULT_SEED, generateDemoData, REFERENCE_ANCHOR } from "./generate.ts";

// These tests reason about known dates, so they pass a fixed anchor.
const now = new Date(REFERENCE_ANCHOR);

const data = generateDemoData({ now });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("generateDemoData: reproducibility", () => {
  it("gives the same data, byte for byte, for the same seed", () => {
    expect(JSON.stringify(generateDemoData({ seed: DEFAULT_SEED, now }))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData({ seed: 7, now }))).toBe(
      JSON.stringify(generateDemoData({ seed: 7, now })),
    );
  });

  it("gives different data for a different seed", () => {
    const other = generateDemoData({ seed: 7, now });
    expect(other.accounts.map((a) => a.domain)).not.toEqual(data.accounts.map((a) => a.domain));
  });

  it("never reads the real clock or Math.random", () => {
    const random = vi.spyOn(Math, "random");
    vi.useFakeTimers({ now: new Date("2031-05-05T12:00:00Z") });
    const later = JSON.stringify(generateDemoData({ now }));
    vi.setSystemTime(new Date("2001-01-01T00:00:00Z"));
    const earlier = JSON.stringify(generateDemoData({ now }));
    expect(later).toBe(JSON.stringify(data));
    expect(earlier).toBe(later);
    expect(random).not.toHaveBeenCalled();
  });

  it("derives every time from the anchor it is given", () => {
    expect(data.anchor).toBe(REFERENCE_ANCHOR);
    const anchor = new Date("2024-03-15T00:00:00Z");
    const shifted = generateDemoData({ now: anchor });
    const limit = anchor.toISOString();
    const earliest = new Date(anchor.getTime() - 548 * 86_400_000).toISOString();
    for (const t of shifted.touches) expect(t.occurred_at <= limit && t.occurred_at >= earliest).toBe(true);
    for (const c of shifted.contacts) expect(c.created_at <= limit && c.created_at >= earliest).toBe(true);
    for (const o of shifted.opportunities) expect((o.closed_at ?? o.created_at) <= limit).toBe(true);
    expect(shifted.campaigns.some((c) => c.name.includes("2023"))).toBe(true);
  });

  it("rejects a seed that is not a non-negative integer", () => {
    expect(() => generateDemoData({ seed: -1, now })).toThrow(/non-negative integer/);
    expect(() => generateDemoData({ seed: 1.5, now })).toThrow(/non-negative integer/);
  });
});

describe("generateDemoData: volume and spread", () => {
  it("meets the minimum counts", () => {
    expect(data.accounts.length).toBeGreaterThanOrEqual(300);
    expect(data.contacts.length).toBeGreaterThanOrEqual(2_000);
    expect(data.leads.length).toBeGreaterThanOrEqual(1_000);
    expect(data.opportunities.length).toBeGreaterThanOrEqual(150);
    expect(data.campaigns.length).toBeGreaterThanOrEqual(12);
    expect(data.touches.length).toBeGreaterThanOrEqual(10_000);
    for (const table of SEED_TABLES) expect(data[table].length, table).toBeGreaterThan(0);
  });

  it("holds the minimum counts for other seeds too", () => {
    for (const seed of [0, 1, 99, 123_456]) {
      const other = generateDemoData({ seed, now });
      expect(other.contacts.length).toBeGreaterThanOrEqual(2_000);
      expect(other.touches.length).toBeGreaterThanOrEqual(10_000);
      expect(other.sequences.filter((s) => s.status === "active").length).toBeGreaterThanOrEqual(20);
    }
  });

  it("spreads accounts over industries, size bands and countries, a third of them owned", () => {
    expect(new Set(data.accounts.map((a) => a.industry)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(data.accounts.map((a) => a.country)).size).toBeGreaterThanOrEqual(8);
    const employees = data.accounts.map((a) => a.employees ?? 0);
    expect(Math.min(...employees)).toBeLessThan(50);
    expect(Math.max(...employees)).toBeGreaterThan(5_000);
    const owned = data.accounts.filter((a) => a.owner !== null).length / data.accounts.length;
    expect(owned).toBeGreaterThan(0.25);
    expect(owned).toBeLessThan(0.45);
    expect(new Set(data.accounts.map((a) => a.owner).filter(Boolean)).size).toBe(6);
  });

  it("covers every lifecycle stage, lead status, opportunity stage and campaign channel", () => {
    expect(new Set(data.contacts.map((c) => c.lifecycle_stage))).toEqual(
      new Set(["subscriber", "lead", "mql", "sql", "opportunity", "customer", "evangelist"]),
    );
    expect(new Set(data.leads.map((l) => l.status))).toEqual(
      new Set(["new", "working", "mql", "sql", "qualified", "disqualified", "converted"]),
    );
    expect(new Set(data.opportunities.map((o) => o.stage))).toEqual(
      new Set(["new", "qualified", "discovery", "proposal", "negotiation", "closed_won", "closed_lost"]),
    );
    expect(new Set(data.campaigns.map((c) => c.channel))).toEqual(
      new Set(["email", "webinar", "paid_social", "paid_search", "content", "events", "linkedin"]),
    );
  });

  it("has executives to approve and touches from both clusters' agents", () => {
    const titles = new Set(data.contacts.map((c) => c.title));
    for (const title of ["CEO", "CFO", "CTO", "VP Sales"]) expect(titles.has(title), title).toBe(true);
    const agents = new Set(data.touches.map((t) => t.agent));
    for (const agent of agents) expect(AGENT_IDS as readonly (string | null | undefined)[]).toContain(agent);
    for (const agent of ["lead-engagement", "deal-closer", "partnership-negotiator", "campaign-execution"]) {
      expect(agents.has(agent), agent).toBe(true);
    }
    expect(new Set(data.touches.map((t) => t.cluster))).toEqual(new Set(["bd", "marketing"]));
  });

  it("keeps touching contacts up to the anchor, so frequency caps have recent history to count", () => {
    const lastMonth = new Date(Date.parse(REFERENCE_ANCHOR) - 30 * 86_400_000).toISOString();
    expect(data.touches.filter((t) => t.occurred_at > lastMonth).length).toBeGreaterThan(500);
  });
});
