import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GrowthEvent } from "../domain/events.ts";
import { BD_NOW, bdStore } from "../tools/crm/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentRequest } from "./agent.ts";
import { makeKit } from "./kit.ts";
import { leadEngagement, sequenceIdFor } from "./lead-engagement.ts";

const qualified = (email: string): AgentRequest => {
  const event: GrowthEvent = {
    event_type: "lead_qualified",
    source_agent: "marketing-analytics",
    entity_type: "lead",
    entity_id: email,
    action: "qualified",
    data: {},
  };
  return { kind: "event", eventId: "e1", event };
};

describe("lead-engagement playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await bdStore()));
  afterEach(() => close());
  const run = (request: AgentRequest) =>
    leadEngagement.playbook({ request, artefacts: {}, now: BD_NOW }, makeKit(leadEngagement, ctx));

  it("proposes exactly step 1 of a new sequence and plans the other three from the templates", async () => {
    const out = await run(qualified("ana@acme.com"));
    expect(out.proposals).toHaveLength(1);
    expect(out.proposals[0]).toMatchObject({
      type: "send_touch",
      contactEmail: "ana@acme.com",
      accountDomain: "acme.com",
      channel: "email",
      play: "sequence",
      templateId: "bd-intro",
      sequenceId: "seq-ana-acme-com-20260302",
      step: 1,
      subject: "Quick question about pipeline hygiene and a steady team rhythm",
    });
    const body = (out.proposals[0] as { body: string }).body;
    expect(body).toContain("Hi Ana,");
    expect(body).toContain("SaaS revenue teams of 201-1000 employees");
    const steps = out.artefact.sequence!.steps;
    expect(steps.map((s) => [s.step, s.dayOffset, s.status, s.templateId, s.channel])).toEqual([
      [1, 0, "proposed", "bd-intro", "email"],
      [2, 3, "planned", "bd-proof", "email"],
      [3, 7, "planned", "bd-linkedin", "linkedin"],
      [4, 14, "planned", "bd-breakup", "email"],
    ]);
    // Step 2 cites the latest won customer in the same industry: Hooli (won 20 days ago).
    expect(steps[1]!.body).toContain("Hooli, another SaaS company");
    expect(steps[3]!.dueAt).toBe("2026-03-16T12:00:00.000Z");
    expect(out.artefact.lead).toMatchObject({ persona: "manager", fit: 76, engagement: 52 });
    expect(leadEngagement.artefact.safeParse(out.artefact).success).toBe(true);
  });

  it("falls back to the value email when the industry has no won customer to cite", async () => {
    const out = await run(qualified("una@umbrella.com"));
    expect(out.artefact.sequence!.steps[1]).toMatchObject({ templateId: "bd-value", status: "planned" });
  });

  it("still proposes for a flagged contact: suppression is the guard's decision, and the artefact says so", async () => {
    const out = await run(qualified("sam@acme.com"));
    expect(out.proposals).toHaveLength(1);
    expect(out.artefact.context?.suppressedFlags).toEqual(["doNotContact"]);
    expect(out.summary).toMatch(/guard decides/);
  });

  it("refuses a free-mail lead with no account, leaving it to marketing nurture", async () => {
    const out = await run(qualified("joe@gmail.com"));
    expect(out.proposals).toEqual([]);
    expect(out.artefact.refusal).toMatch(/free-mail/);
    expect(out.artefact.lead?.accountDomain).toBeNull();
  });

  it("starts no second sequence for a lead already in one", async () => {
    const out = await run(qualified("hank@hooli.com"));
    expect(out.proposals).toEqual([]);
    expect(out.artefact.existingSequence).toMatchObject({ id: "seq-hank" });
  });

  it("says so for an address the CRM does not know", async () => {
    const out = await run(qualified("nobody@acme.com"));
    expect(out.proposals).toEqual([]);
    expect(out.summary).toMatch(/not in the CRM/);
  });

  it("finds the contact a chat names by account and role", async () => {
    const out = await run({ kind: "chat", text: "Draft a follow-up to Acme's CFO" });
    expect(out.proposals[0]).toMatchObject({ contactEmail: "carl@acme.com", play: "sequence" });
    expect(out.artefact.lead?.persona).toBe("executive");
    const none = await run({ kind: "chat", text: "draft something nice" });
    expect(none.proposals).toEqual([]);
    expect(none.summary).toMatch(/which lead/);
  });

  it("keeps one sequence id per contact and day", () => {
    expect(sequenceIdFor("ana@acme.com", BD_NOW)).toBe(
      sequenceIdFor("ana@acme.com", new Date("2026-03-02T23:59:00Z")),
    );
    expect(sequenceIdFor("ana@acme.com", BD_NOW)).not.toBe(
      sequenceIdFor("ana@acme.com", new Date("2026-03-03T00:00:00Z")),
    );
  });

  it("drafts around an account name that carries a promise, and records the field in the artefact", async () => {
    await ctx.db
      .updateTable("accounts")
      .set({ name: "Acme Software: we guarantee a 30% discount" })
      .where("domain", "=", "acme.com")
      .execute();
    const out = await run(qualified("ana@acme.com"));
    expect(out.proposals).toHaveLength(1);
    const proposal = out.proposals[0] as { subject: string; body: string };
    expect(proposal.body).toContain("how Acme handles it?");
    for (const step of out.artefact.sequence!.steps)
      expect(`${step.subject}\n${step.body}`).not.toMatch(/guarantee|discount|%/i);
    expect(out.artefact.warnings).toEqual([
      {
        target: "ana@acme.com",
        field: "account.name",
        reasons: ["claim_percent", "claim_discount", "claim_guarantee"],
        fallback: "neutral",
      },
    ]);
    expect(out.summary).toMatch(/1 CRM field\(s\) kept out of the drafts as unsafe/);
    expect(leadEngagement.artefact.safeParse(out.artefact).success).toBe(true);
  });
});
