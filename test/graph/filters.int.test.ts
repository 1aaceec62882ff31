import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentId } from "../../domain/agents.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
  // Fintech accounts in three countries: only two of them are in Germany.
  const at = FIXTURE_NOW.toISOString();
  const fintech = (domain: string, name: string, country: string) => ({
    domain,
    name,
    industry: "Fintech",
    employees: 400,
    country,
    owner: null,
    created_at: at,
    updated_at: at,
  });
  await store.db
    .insertInto("accounts")
    .values([
      fintech("bankhaus.de", "Bankhaus Nord", "DE"),
      fintech("zahl.de", "Zahl Systems", "DE"),
      fintech("ledgerly.fr", "Ledgerly", "FR"),
      fintech("paywise.com", "Paywise", "US"),
      { ...fintech("grossbank.de", "Grossbank", "DE"), employees: 8_000 },
      {
        ...fintech("watersadvisory.com", "Waters Advisory", "GB"),
        industry: "Consulting",
      },
    ])
    .execute();
  await store.db
    .insertInto("contacts")
    .values({
      email: "wendy.cfo@watersadvisory.com",
      first_name: "Wendy",
      last_name: "Waters",
      title: "CFO",
      account_domain: "watersadvisory.com",
      lifecycle_stage: "sql",
      do_not_contact: 0,
      unsubscribed: 0,
      bounced: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
});
afterEach(async () => cleanup());

/** An orchestrator in playbook mode that routes every chat turn to the given agents. */
const routedTo = (...agents: AgentId[]) =>
  createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
    env: {},
    routeChat: async () => ({ agents, reason: "test", via: "test" }),
  });

async function proposalsOf(orchestrator: ReturnType<typeof routedTo>, text: string, conversation: string) {
  const outcome = await orchestrator.chat(text, conversation, { dryRun: true });
  const state = await orchestrator.graph.getState({ configurable: { thread_id: outcome.threadId } });
  return { outcome, proposals: (state.values as { proposals: Record<string, unknown>[] }).proposals };
}

describe("filters a chat request names are applied (playbook mode)", () => {
  it("plans a campaign for the fintech accounts in Germany only", async () => {
    const { outcome, proposals } = await proposalsOf(
      routedTo("campaign-planner"),
      "plan a campaign for fintech accounts in Germany",
      "f-de",
    );
    const campaign = proposals.find((p) => p.type === "create_campaign");
    expect(campaign?.audienceDomains).toEqual(["bankhaus.de", "grossbank.de", "zahl.de"]);
    expect(outcome.answer).toContain("in Germany");
    expect(outcome.answer).not.toContain("Could not apply");
  });

  it("reads a region against the store's countries, and says plainly which filter it could not apply", async () => {
    const { outcome, proposals } = await proposalsOf(
      routedTo("campaign-planner"),
      "plan a campaign for fintech accounts in Europe owned by Dana Whitfield",
      "f-eu",
    );
    const campaign = proposals.find((p) => p.type === "create_campaign");
    expect(campaign?.audienceDomains).toEqual(["bankhaus.de", "grossbank.de", "zahl.de", "ledgerly.fr"]);
    expect(outcome.answer).toContain("Could not apply owner Dana Whitfield");
  });

  it("applies a size word as its bands, and says when a second industry is left for another campaign", async () => {
    const { outcome, proposals } = await proposalsOf(
      routedTo("campaign-planner"),
      "plan a campaign for enterprise fintech and SaaS accounts",
      "f-ent",
    );
    // Globex (2,500 employees) is enterprise but BD owns it; Grossbank (8,000) is the one left.
    const campaign = proposals.find((p) => p.type === "create_campaign");
    expect(campaign?.audienceDomains).toEqual(["grossbank.de"]);
    expect(outcome.answer).toContain("Fintech 1001-5000 and 5001+");
    expect(outcome.answer).toContain("Planned for Fintech only; ask again for SaaS.");
  });

  it("plans nothing, and says so, when no account is in the named country", async () => {
    const { outcome, proposals } = await proposalsOf(
      routedTo("campaign-planner"),
      "plan a campaign for fintech accounts in Austria",
      "f-at",
    );
    expect(proposals.filter((p) => p.type === "create_campaign")).toEqual([]);
    expect(outcome.answer).toMatch(/No campaign planned/);
  });
});

describe("contact references and follow-ups (playbook mode)", () => {
  it.each([
    "draft a follow-up to the CFO of Waters Advisory",
    "draft a follow-up to Waters Advisory's CFO",
    "draft a follow-up to the CFO at watersadvisory.com",
  ])("%s resolves Wendy, the CFO", async (text) => {
    const { proposals } = await proposalsOf(routedTo("lead-engagement"), text, `ref-${text.length}`);
    expect(proposals.map((p) => p.contactEmail)).toEqual(["wendy.cfo@watersadvisory.com"]);
  });

  it("a follow-up to a contact already touched uses a follow-up template, not an intro", async () => {
    const orchestrator = routedTo("lead-engagement");
    const first = await proposalsOf(orchestrator, "draft a follow-up to Waters Advisory's CFO", "fu-1");
    expect(first.proposals[0]).toMatchObject({ templateId: "bd-intro", step: 1 });

    await store.db
      .insertInto("touches")
      .values({
        id: "t-wendy-1",
        contact_email: "wendy.cfo@watersadvisory.com",
        account_domain: "watersadvisory.com",
        channel: "email",
        campaign: null,
        agent: "lead-engagement",
        cluster: "bd",
        content_hash: "intro",
        occurred_at: new Date(FIXTURE_NOW.getTime() - 5 * 86_400_000).toISOString(),
        idempotency_key: null,
      })
      .execute();
    const again = await proposalsOf(orchestrator, "draft a follow-up to Waters Advisory's CFO", "fu-2");
    expect(again.proposals[0]?.step).toBe(2);
    expect(again.proposals[0]?.templateId).not.toBe("bd-intro");
    expect(String(again.proposals[0]?.rationale)).toMatch(/^Follow-up: .* last touched 5 day\(s\) ago/);
  });
});

describe("deal review filters (playbook mode)", () => {
  it("reviews only the deals in the named stage and says which it reviewed", async () => {
    const { outcome } = await proposalsOf(
      routedTo("deal-closer"),
      "review the deals in negotiation",
      "d-neg",
    );
    // The only open late-stage deal (Globex) is in proposal, so nothing in negotiation is reviewed.
    expect(outcome.answer).not.toContain("opp-globex-1");
    const all = await proposalsOf(
      routedTo("deal-closer"),
      "review the proposal-stage deals of Dana Whitfield",
      "d-p",
    );
    expect(all.outcome.answer).toContain("Reviewed 1 deal(s) (stage proposal, owner Dana Whitfield)");
  });
});
