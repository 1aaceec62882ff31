import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MARKETING_NOW, marketingStore } from "../tools/analytics/test-fixture.ts";
import { contentHash } from "../tools/content/render.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentInput } from "./agent.ts";
import { contentCreation } from "./content-creation.ts";
import { makeKit } from "./kit.ts";
import { WEBINAR_PLAN } from "./marketing/test-plans.ts";

describe("content-creation playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());
  const run = (input: Partial<AgentInput> & Pick<AgentInput, "request">) =>
    contentCreation.playbook({ artefacts: {}, now: MARKETING_NOW, ...input }, makeKit(contentCreation, ctx));

  it("writes one webinar invite per persona plus landing copy, and hands off to execution", async () => {
    const out = await run({
      request: { kind: "chat", text: "write the campaign content" },
      artefacts: { "campaign-planner": WEBINAR_PLAN },
    });
    expect(out.artefact.drafts.map((d) => [d.templateId, d.persona, d.contactEmail])).toEqual([
      ["webinar-invite", "executive", "carl@acme.com"],
      ["webinar-invite", "manager", "ana@acme.com"],
      ["webinar-invite", "practitioner", "dev@acme.com"],
      ["landing-copy", "any", null],
    ]);
    const carl = out.artefact.drafts[0]!;
    expect(carl.subject).toBe("Carl, join us: SaaS 201-1000 webinar campaign");
    expect(carl.body).toContain("on Mon, 16 Mar 2026");
    expect(carl.facts["account.name"]).toBe("Acme Software");
    expect(carl.contentHash).toBe(contentHash("webinar-invite", carl.body));
    expect(out.artefact.drafts[3]!.body).toContain("Hooli");
    expect(out.proposals).toEqual([]);
    expect(out.handoffs).toEqual(["campaign-execution"]);
    expect(contentCreation.artefact.safeParse(out.artefact).success).toBe(true);
  });

  it("falls back to a nurture email when a case study has no customer to cite", async () => {
    const out = await run({
      request: {
        kind: "event",
        eventId: "e1",
        event: {
          event_type: "content_requested",
          source_agent: "growth-lead",
          entity_type: "account",
          entity_id: "globex.com",
          action: "requested",
          data: { format: "case_study" },
        },
      },
    });
    expect(out.artefact.refusals).toEqual([
      expect.objectContaining({
        templateId: "case-study-email",
        target: "bea@globex.com",
        reason: expect.stringMatching(/reference\.name/),
      }),
    ]);
    expect(out.artefact.drafts.map((d) => d.templateId)).toEqual(["nurture-email"]);
    expect(out.handoffs).toEqual([]);
  });

  it("writes a case study for an account named in chat, and explains when nobody is named", async () => {
    const out = await run({ request: { kind: "chat", text: "Create a case study email for acme.com" } });
    expect(out.artefact.drafts.map((d) => [d.templateId, d.contactEmail])).toEqual([
      ["case-study-email", "carl@acme.com"],
      ["case-study-email", "ana@acme.com"],
      ["case-study-email", "dev@acme.com"],
    ]);
    const none = await run({ request: { kind: "chat", text: "write something nice" } });
    expect(none.artefact.drafts).toEqual([]);
    expect(none.summary).toMatch(/name an account/);
  });
});
