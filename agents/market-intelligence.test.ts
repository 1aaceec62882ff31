import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BD_NOW, bdStore } from "../tools/crm/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentRequest } from "./agent.ts";
import { makeKit } from "./kit.ts";
import { marketIntelligence } from "./market-intelligence.ts";

const scanFor = (data: Record<string, unknown>): AgentRequest => ({
  kind: "event",
  eventId: "e1",
  event: {
    event_type: "market_scan_requested",
    source_agent: "scheduler",
    entity_type: "metric",
    entity_id: "icp-fit",
    action: "requested",
    data,
  },
});
const scan = scanFor({});

describe("market-intelligence playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());
  const run = (request: AgentRequest) =>
    marketIntelligence.playbook({ request, artefacts: {}, now: BD_NOW }, makeKit(marketIntelligence, ctx));

  it("ranks every account by ICP fit with reasons, finds the white space and hands off to the scout", async () => {
    const out = await run(scan);
    const a = out.artefact;
    // fit = industry + size + market + most senior title, capped at 100.
    expect(a.topAccounts.map((t) => [t.domain, t.fit])).toEqual([
      ["acme.com", 100],
      ["stark.com", 100],
      ["hooli.com", 95],
      ["globex.com", 83],
      ["wayne.com", 80],
      ["initech.com", 60],
      ["umbrella.com", 58],
      ["vandelay.com", 16],
    ]);
    expect(a.topAccounts[0]!.reasons).toEqual([
      "core industry (SaaS) +30",
      "201–5,000 employees (800 employees) +30",
      "core market (US) +15",
      "executive (Chief Financial Officer) +25",
    ]);
    expect(a).toMatchObject({ accountsScored: 8, icpThreshold: 60, inIcp: 6 });
    // stark is suppressed; hooli, wayne and initech have open deals; globex has an owner.
    expect(a.whiteSpace).toEqual(["acme.com"]);
    expect(a.industryMix[0]).toEqual({ industry: "SaaS", accounts: 3, averageFit: 98.3, inIcp: 3 });
    expect(a.industryMix.slice(1).map((m) => m.industry)).toEqual([
      "Fintech",
      "Healthcare",
      "Logistics",
      "Manufacturing",
      "Retail",
    ]);
    expect(out.handoffs).toEqual(["opportunity-scout"]);
    expect(out.proposals).toEqual([]);
    expect(marketIntelligence.artefact.safeParse(a).success).toBe(true);
  });

  it("limits a chat brief to the industry it names, without a hand-off", async () => {
    const out = await run({ kind: "chat", text: "Give me a market brief on fintech" });
    expect(out.artefact.industry).toBe("Fintech");
    expect(out.artefact.topAccounts.map((t) => t.domain)).toEqual(["globex.com"]);
    expect(out.handoffs).toBeUndefined();
    expect(out.summary).toMatch(/Scored 1 Fintech accounts/);
  });

  it("says so when an event names an industry with no account", async () => {
    const out = await run(scanFor({ industry: "Mining" }));
    expect(out.artefact.accountsScored).toBe(0);
    expect(out.handoffs).toBeUndefined();
    expect(out.summary).toMatch(/No Mining accounts/);
  });
});
