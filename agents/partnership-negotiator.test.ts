import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BD_NOW, bdStore } from "../tools/crm/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentRequest } from "./agent.ts";
import { makeKit } from "./kit.ts";
import { partnershipNegotiator } from "./partnership-negotiator.ts";

const inquiry = (domain: string, data: Record<string, unknown> = {}): AgentRequest => ({
  kind: "event",
  eventId: "e1",
  event: {
    event_type: "partner_inquiry",
    source_agent: "partner-portal",
    entity_type: "partner",
    entity_id: domain,
    action: "inquired",
    data,
  },
});

describe("partnership-negotiator playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());
  const run = (request: AgentRequest) =>
    partnershipNegotiator.playbook(
      { request, artefacts: {}, now: BD_NOW },
      makeKit(partnershipNegotiator, ctx),
    );

  it("clamps a request above the band to the band's maximum and says so", async () => {
    const out = await run(inquiry("initech.com", { type: "reseller", requested_pct: 35 }));
    expect(out.proposals).toHaveLength(1);
    expect(out.proposals[0]).toMatchObject({
      type: "make_offer",
      accountDomain: "initech.com",
      kind: "partnership",
      discountPct: 30,
    });
    const offer = out.proposals[0] as { terms: string; rationale: string };
    expect(offer.terms).toContain("30% reseller margin off list price, 24-month term");
    expect(offer.terms).toContain("requested 35% is outside our reseller band (max 30%)");
    expect(out.artefact).toMatchObject({
      requestedPct: 35,
      proposedPct: 30,
      clamped: true,
      typeAssumed: false,
    });
    expect(partnershipNegotiator.artefact.safeParse(out.artefact).success).toBe(true);
  });

  it("keeps a request inside the band, and lifts one below it to the minimum", async () => {
    const inside = await run(inquiry("initech.com", { type: "reseller", requested_pct: 18 }));
    expect(inside.artefact).toMatchObject({ proposedPct: 18, clamped: false });
    const below = await run(inquiry("initech.com", { type: "referral", requested_pct: 2 }));
    expect(below.artefact).toMatchObject({ proposedPct: 5, clamped: true });
  });

  it("starts an unprompted offer by ICP fit: top for strong, bottom for weak, default otherwise", async () => {
    expect((await run(inquiry("acme.com", { type: "referral" }))).artefact.proposedPct).toBe(15); // fit 100
    expect((await run(inquiry("vandelay.com", { type: "technology" }))).artefact.proposedPct).toBe(2); // fit 16
    expect((await run(inquiry("umbrella.com", { type: "reseller" }))).artefact.proposedPct).toBe(20); // fit 58
    const unknown = await run(inquiry("newco.io"));
    expect(unknown.artefact).toMatchObject({
      partnerType: "referral",
      typeAssumed: true,
      proposedPct: 10,
      partner: { known: false },
    });
  });

  it("never goes above any band, whatever is asked", async () => {
    for (const type of ["referral", "reseller", "technology"]) {
      for (const pct of [0, 7, 12, 50, 100]) {
        const out = await run(inquiry("initech.com", { type, requested_pct: pct }));
        const band = out.artefact.band;
        const offered = (out.proposals[0] as { discountPct: number }).discountPct;
        expect(offered).toBeGreaterThanOrEqual(band.minPct);
        expect(offered).toBeLessThanOrEqual(band.maxPct);
      }
    }
  });

  it("refuses a free-mail partner and reads the type and share from a chat", async () => {
    const free = await run(inquiry("gmail.com"));
    expect(free.proposals).toEqual([]);
    expect(free.artefact.refusal).toMatch(/free-mail/);
    const chat = await run({ kind: "chat", text: "wayne.com asked for a 12% technology co-sell share" });
    expect(chat.proposals[0]).toMatchObject({ accountDomain: "wayne.com", discountPct: 10 });
    expect(chat.artefact).toMatchObject({ partnerType: "technology", requestedPct: 12, clamped: true });
  });
});
