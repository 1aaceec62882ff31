import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../../test/helpers/fixture.ts";
import { createOrchestrator } from "../app.ts";
import { createLogger } from "../logger.ts";
import { parseApprovalAnswer } from "./answer.ts";
import { approvalText } from "./text.ts";
import { approvalViews } from "./view.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

const TERMS = `Net 30; 12% off the first year if signed by month end.\n${"Clause text. ".repeat(30)}`;

async function waitingTurn() {
  const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
    env: {},
    runAgent: async (agent, input, kit) => ({
      ...(await agent.playbook(input, kit)),
      proposals: [
        {
          type: "make_offer" as const,
          accountDomain: "acme.com",
          kind: "discount" as const,
          discountPct: 12,
          terms: TERMS,
          rationale: "Acme asked for a first-year price break.",
        },
        {
          type: "enrol_in_campaign" as const,
          campaignId: "cmp-spring",
          channel: "email" as const,
          templateId: "nurture-1",
          contacts: [
            { email: "ana.lopez@acme.com", accountDomain: "acme.com" },
            { email: "sam.stop@acme.com", accountDomain: "acme.com" },
            { email: "ivan.ops@initech.com", accountDomain: "initech.com" },
          ],
          rationale: "Spring nurture for engaged contacts.",
        },
      ],
    }),
    routeChat: async () => ({ agents: ["partnership-negotiator"], reason: "test", via: "test" }),
  });
  return orchestrator.chat("offer Acme a discount and enrol the spring list", "conv-view");
}

describe("the approval view (growth approvals, --json, chat, the service)", () => {
  it("carries the offer's full terms, the audience with size, sample and guard, the agent and its reason", async () => {
    const outcome = await waitingTurn();
    expect(outcome.status).toBe("waiting_approval");
    // The answer exists while the turn waits.
    expect(outcome.answer).toMatch(/wait for approval/);
    const views = await approvalViews(store.db, { pending: true });
    expect(views.map((v) => v.action_type).sort()).toEqual(["enrol_in_campaign", "make_offer"]);

    const offer = views.find((v) => v.action_type === "make_offer")!;
    expect(offer.agent).toBe("partnership-negotiator");
    expect(offer.agent_reason).toBe("Acme asked for a first-year price break.");
    expect(offer.approval_reason).toMatch(/discount needs a person's approval \(12% proposed\)/);
    expect(offer.offer).toEqual({
      kind: "discount",
      discount_pct: 12,
      terms: TERMS,
      account: { domain: "acme.com", name: "Acme" },
      opportunity_id: null,
    });
    expect(approvalText(offer)).toContain(TERMS.slice(-40).trim());

    const enrol = views.find((v) => v.action_type === "enrol_in_campaign")!;
    expect(enrol.channel).toBe("email");
    expect(enrol.audience?.size).toBe(3);
    // Sam is do-not-contact: the guard's decision per contact is part of the view.
    expect(enrol.audience?.allowed).toBe(2);
    expect(enrol.guard.find((g) => g.target === "sam.stop@acme.com")).toMatchObject({ decision: "suppress" });
    expect(enrol.audience?.sample[0]).toEqual({
      email: "ana.lopez@acme.com",
      name: "Ana Lopez",
      title: "Marketing Manager",
      account: { domain: "acme.com", name: "Acme" },
    });
    const text = approvalText(enrol);
    expect(text).toContain("audience: 3 contacts (2 allowed by the guard)");
    expect(text).toContain("Ivan Petrov, Operations Lead at Initech (initech.com) <ivan.ops@initech.com>");

    // Asking by id gives the same views.
    expect(await approvalViews(store.db, { ids: [offer.id] })).toEqual([offer]);
    expect(await approvalViews(store.db, { ids: [] })).toEqual([]);
  });
});

describe("reading an approval answer", () => {
  it.each([
    ["a", "approve"],
    ["approve", "approve"],
    ["y", "approve"],
    ["YES", "approve"],
    [" yes ", "approve"],
    ["r", "reject"],
    ["Reject", "reject"],
    ["n", "reject"],
    ["no", "reject"],
    ["e", "edit"],
    ["edit", "edit"],
    ["E", "edit"],
    ["A", "approve_all"],
    ["R", "reject_all"],
    ["approve all", "approve_all"],
  ])("%j is %s", (raw, answer) => {
    expect(parseApprovalAnswer(raw)).toBe(answer);
  });

  it.each(["maybe", "", "yep", "ok", "nope", "approved", "all"])("%j is not an answer", (raw) => {
    expect(parseApprovalAnswer(raw)).toBeNull();
  });
});
