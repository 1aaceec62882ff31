import { describe, expect, it } from "vitest";
import { slug } from "./accounts.ts";
import { generateCampaigns } from "./campaigns.ts";
import { DAY, seedClock } from "./clock.ts";
import { seededFaker } from "./random.ts";
import { ALL_STAGES, LOST_REASONS, openIndex, stagePath } from "./stage-path.ts";
import { contentHash, createTouchLog } from "./touch-log.ts";
import type { ContactSeed } from "./types.ts";

const anchor = new Date("2026-11-01T00:00:00Z");
const clock = seedClock(anchor);

describe("slug", () => {
  it("keeps lower-case ASCII letters and digits only", () => {
    expect(slug("O'Keefe - Bauch & Co. 2")).toBe("okeefebauchco2");
    expect(slug("Zoë Ärger")).toBe("zoearger");
  });
});

describe("contentHash", () => {
  it("is a short, stable hex hash of the template id", () => {
    expect(contentHash("lead-engagement/step-1-email")).toBe(contentHash("lead-engagement/step-1-email"));
    expect(contentHash("a")).toMatch(/^[0-9a-f]{12}$/);
    expect(contentHash("a")).not.toBe(contentHash("b"));
  });
});

describe("stagePath", () => {
  it("always starts at new, ends at the final stage and gives every backward or lost move a reason", () => {
    let backward = 0;
    for (let seed = 0; seed < 300; seed++) {
      const faker = seededFaker(seed, 0, anchor);
      const final = ALL_STAGES[seed % ALL_STAGES.length] ?? "new";
      const reason = final === "closed_lost" ? faker.helpers.arrayElement(LOST_REASONS) : null;
      const moves = stagePath(faker, final, reason);
      expect(moves[0]).toEqual({ from: null, to: "new", reason: null });
      expect(moves[moves.length - 1]?.to).toBe(final);
      for (let i = 1; i < moves.length; i++) {
        const move = moves[i];
        expect(move?.from).toBe(moves[i - 1]?.to);
        if (!move || move.from === null) continue;
        const isBack = openIndex(move.to) >= 0 && openIndex(move.to) < openIndex(move.from);
        if (isBack) backward++;
        if (isBack || move.to === "closed_lost") expect(move.reason).toBeTruthy();
      }
    }
    expect(backward).toBeGreaterThan(10);
  });
});

describe("generateCampaigns", () => {
  it("marks campaigns planned, active or completed relative to the anchor", () => {
    const campaigns = generateCampaigns(clock);
    for (const c of campaigns) {
      const expected = c.startMs > clock.now ? "planned" : c.endMs <= clock.now ? "completed" : "active";
      expect(c.row.status).toBe(expected);
      expect(c.row.id).toMatch(/^cmp-[a-z0-9-]+$/);
    }
    expect(new Set(campaigns.map((c) => c.row.status))).toEqual(new Set(["planned", "active", "completed"]));
  });
});

describe("createTouchLog", () => {
  const contact = {
    row: { email: "ada@acme.com", account_domain: "acme.com" },
    createdMs: clock.now - 100 * DAY,
  } as ContactSeed;
  const touch = {
    email: "ada@acme.com",
    channel: "email",
    agent: "lead-engagement",
    campaign: null,
  } as const;

  it("refuses touches before the contact existed, after the anchor, to unknown contacts, and duplicates", () => {
    const log = createTouchLog([contact], clock);
    expect(log.add({ ...touch, at: clock.now - 101 * DAY, template: "a" })).toBe(false);
    expect(log.add({ ...touch, at: clock.now + DAY, template: "a" })).toBe(false);
    expect(log.add({ ...touch, email: "nobody@acme.com", at: clock.now - DAY, template: "a" })).toBe(false);
    expect(log.add({ ...touch, at: clock.now - 50 * DAY, template: "a" })).toBe(true);
    expect(log.add({ ...touch, at: clock.now - 45 * DAY, template: "a" })).toBe(false);
    expect(log.add({ ...touch, at: clock.now - 45 * DAY, template: "b" })).toBe(true);
    expect(log.add({ ...touch, at: clock.now - 30 * DAY, template: "a" })).toBe(true);
    expect(log.size).toBe(3);
  });

  it("returns rows in time order with sequential ids, the contact's account and the agent's cluster", () => {
    const log = createTouchLog([contact], clock);
    log.add({ ...touch, at: clock.now - 2 * DAY, template: "late" });
    log.add({
      ...touch,
      at: clock.now - 9 * DAY,
      template: "early",
      agent: "campaign-execution",
      campaign: "cmp-x",
    });
    const rows = log.rows();
    expect(rows.map((r) => [r.id, r.cluster, r.campaign])).toEqual([
      ["tch-000001", "marketing", "cmp-x"],
      ["tch-000002", "bd", null],
    ]);
    expect(rows[0]?.account_domain).toBe("acme.com");
    expect(rows[0]?.content_hash).toBe(contentHash("early"));
    expect(log.lastAt("ada@acme.com")).toBe(clock.now - 2 * DAY);
  });
});
