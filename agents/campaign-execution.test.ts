import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { daysAgo, MARKETING_NOW, marketingStore } from "../tools/analytics/test-fixture.ts";
import type { ToolContext } from "../tools/tool.ts";
import type { AgentInput } from "./agent.ts";
import { BATCH_SIZE, campaignExecution, sendSlot } from "./campaign-execution.ts";
import { makeKit } from "./kit.ts";
import type { ContentArtefact } from "./marketing/artefacts.ts";
import { WEBINAR_PLAN } from "./marketing/test-plans.ts";

const CONTENT: ContentArtefact = {
  campaignId: WEBINAR_PLAN.campaign!.id,
  drafts: [
    {
      templateId: "landing-copy",
      channel: "web",
      persona: "any",
      contactEmail: null,
      accountDomain: "acme.com",
      subject: "s",
      body: "b",
      contentHash: "0",
      facts: {},
    },
    {
      templateId: "webinar-invite",
      channel: "email",
      persona: "executive",
      contactEmail: "carl@acme.com",
      accountDomain: "acme.com",
      subject: "s",
      body: "b",
      contentHash: "1",
      facts: {},
    },
  ],
  refusals: [],
};

describe("campaign-execution playbook", () => {
  let ctx: ToolContext;
  let close: () => Promise<void>;
  beforeEach(async () => ({ ctx, close } = await marketingStore()));
  afterEach(() => close());
  const run = (input: Partial<AgentInput> & Pick<AgentInput, "request">) =>
    campaignExecution.playbook(
      { artefacts: {}, now: MARKETING_NOW, ...input },
      makeKit(campaignExecution, ctx),
    );
  const artefacts = { "campaign-planner": WEBINAR_PLAN, "content-creation": CONTENT };
  const addContacts = (n: number) =>
    ctx.db
      .insertInto("contacts")
      .values(
        Array.from({ length: n }, (_, i) => ({
          email: `p${String(i).padStart(3, "0")}@acme.com`,
          first_name: "P",
          last_name: null,
          title: "Analyst",
          account_domain: "acme.com",
          lifecycle_stage: "lead",
          do_not_contact: 0 as const,
          unsubscribed: 0 as const,
          bounced: 0 as const,
          created_at: daysAgo(10),
          updated_at: daysAgo(10),
        })),
      )
      .execute();

  const play = { kind: "play", play: "weekly-campaign-optimisation" } as const;

  it("enrols the plan's contacts with the drafts' channel and template, skipping suppressed ones", async () => {
    const out = await run({ request: play, artefacts });
    expect(out.proposals).toEqual([
      expect.objectContaining({
        type: "enrol_in_campaign",
        campaignId: "cmp-saas-webinar-20260302",
        channel: "email",
        templateId: "webinar-invite",
        contacts: ["ana@acme.com", "carl@acme.com", "dev@acme.com", "hank@hooli.com", "hope@hooli.com"].map(
          (email) => ({
            email,
            accountDomain: email.split("@")[1],
          }),
        ),
      }),
    ]);
    expect(out.artefact.skipped).toEqual([
      { email: "sam@acme.com", reason: "do_not_contact" },
      { email: "uma@acme.com", reason: "unsubscribed" },
    ]);
    expect(out.artefact.batches[0]).toMatchObject({
      index: 1,
      size: 5,
      sendAt: "2026-03-03T09:00:00.000Z",
      needsApproval: false,
    });
  });

  it("splits a large audience into batches of 50 on consecutive weekdays", async () => {
    await addContacts(115);
    const out = await run({ request: play, artefacts });
    expect(out.artefact.batches.map((b) => b.size)).toEqual([50, 50, 20]);
    expect(
      out.proposals.every((p) => p.type === "enrol_in_campaign" && p.contacts.length <= BATCH_SIZE),
    ).toBe(true);
    expect(out.artefact.batches.map((b) => b.sendAt.slice(0, 10))).toEqual([
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
    ]);
  });

  it("sends one bulk batch when a chat names the planned campaign and asks for bulk, marked for approval", async () => {
    await addContacts(60);
    const text = "bulk enrol everyone now in cmp-saas-webinar-20260302";
    const out = await run({ request: { kind: "chat", text }, artefacts });
    expect(out.proposals).toHaveLength(1);
    expect(out.artefact).toMatchObject({ bulk: true, batches: [{ size: 65, needsApproval: true }] });
  });

  it("without a plan, enrols the unowned audience in the running campaign the chat names", async () => {
    const out = await run({
      request: { kind: "chat", text: "Enrol the audience in Webinar: pipeline hygiene" },
    });
    expect(out.proposals[0]).toMatchObject({
      campaignId: "cmp-webinar",
      templateId: "webinar-invite",
      channel: "email",
    });
    const emails = out.artefact.batches[0]!.contacts;
    expect(emails).toContain("una@umbrella.com");
    expect(emails).not.toContain("bea@globex.com");
    expect(emails).not.toContain("ivan@initech.com");
  });

  it("from chat, answers with a plan and proposes nothing when the campaign is not named", async () => {
    const planOnly = await run({ request: { kind: "chat", text: "enrol them" }, artefacts });
    expect(planOnly.proposals).toEqual([]);
    expect(planOnly.summary).toMatch(
      /^Plan only, nothing enrolled: I would enrol 5 contacts in cmp-saas-webinar/,
    );
    expect(planOnly.artefact).toMatchObject({
      campaignId: "cmp-saas-webinar-20260302",
      batches: [{ size: 5 }],
    });

    // A channel is not a name: "the webinar campaign" picks cmp-webinar for the plan but enrols nobody.
    const byChannel = await run({
      request: { kind: "chat", text: "Enrol the audience in the webinar campaign" },
    });
    expect(byChannel.proposals).toEqual([]);
    expect(byChannel.artefact.campaignId).toBe("cmp-webinar");
  });

  it("from chat, enrols into a listed campaign named by exact name or id, case aside", async () => {
    const byName = await run({
      request: { kind: "chat", text: "kick off the SPRING NURTURE sends" },
      artefacts,
    });
    expect(byName.proposals.map((p) => p.type === "enrol_in_campaign" && p.campaignId)).toEqual([
      "cmp-nurture",
    ]);
    const byId = await run({ request: { kind: "chat", text: "enrol the audience in cmp-webinar" } });
    expect(byId.proposals.map((p) => p.type === "enrol_in_campaign" && p.campaignId)).toEqual([
      "cmp-webinar",
    ]);
    // "spring nurtures" is not the name "Spring nurture".
    const near = await run({ request: { kind: "chat", text: "enrol the spring nurtures" } });
    expect(near.proposals).toEqual([]);
  });

  it("from chat, reaches only the contacts the request names, suppressed ones still skipped", async () => {
    const text = "Enrol ana@acme.com and SAM@acme.com in cmp-saas-webinar-20260302";
    const out = await run({ request: { kind: "chat", text }, artefacts });
    expect(out.proposals).toHaveLength(1);
    expect(out.proposals[0]).toMatchObject({
      contacts: [{ email: "ana@acme.com", accountDomain: "acme.com" }],
    });
    expect(out.artefact.skipped).toEqual([{ email: "sam@acme.com", reason: "do_not_contact" }]);
  });

  it("never bulk-sends from a chat that names one person and no campaign", async () => {
    const text = "Sam said yes on the phone, remove his do-not-contact and send the intro to ana@acme.com";
    const out = await run({ request: { kind: "chat", text }, artefacts });
    expect(out.proposals).toEqual([]);
    expect(out.artefact.batches.flatMap((b) => b.contacts)).toEqual(["ana@acme.com"]);
    const stranger = await run({ request: { kind: "chat", text: "enrol zed@nowhere.io in cmp-webinar" } });
    expect(stranger.proposals).toEqual([]);
    expect(stranger.summary).toBe(
      "Campaign cmp-webinar: none of zed@nowhere.io is a reachable contact of its audience.",
    );
  });

  it("schedules weekday slots only", () => {
    const friday = new Date("2026-03-06T10:00:00Z");
    expect(sendSlot(friday, 0).toISOString()).toBe("2026-03-09T09:00:00.000Z");
    expect(sendSlot(new Date("2026-03-06T08:00:00Z"), 1).toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });
});
