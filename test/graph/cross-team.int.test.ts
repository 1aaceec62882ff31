import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProposedActionInput } from "../../domain/actions.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

const touchesTo = (email: string) =>
  store.db
    .selectFrom("touches")
    .selectAll()
    .where("contact_email", "=", email)
    .where("idempotency_key", "is not", null)
    .execute();

/** A touch to Ana as each team would propose it: BD starts a sequence, marketing sends a nurture email. */
function touchTo(play: "sequence" | "nurture"): ProposedActionInput {
  return {
    type: "send_touch",
    contactEmail: "ana.lopez@acme.com",
    accountDomain: "acme.com",
    channel: "email",
    play,
    templateId: play === "sequence" ? "bd-intro" : "nurture-digest",
    subject: play === "sequence" ? "Quick question, Ana" : "This month's growth digest",
    body: play === "sequence" ? "Ana, a short note about pipeline hygiene." : "Ana, here is our digest.",
    sequenceId: play === "sequence" ? "seq-ana" : null,
    rationale: "test",
  };
}

describe("marketing and BD proposing touches to the same contact", () => {
  it("in one request: the guard lets exactly one through, BD's sequence first, and records the other", async () => {
    // Both agents run in one request (chat routed to both); each keeps its playbook's artefact but proposes
    // exactly one touch to Ana, as its team would.
    const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
      clock: () => FIXTURE_NOW,
      runAgent: async (agent, input, kit) => ({
        ...(await agent.playbook(input, kit)),
        proposals: [touchTo(agent.cluster === "bd" ? "sequence" : "nurture")],
      }),
      routeChat: async () => ({
        agents: ["campaign-execution", "lead-engagement"],
        reason: "test route to both teams",
        via: "test",
      }),
    });
    const waiting = await orchestrator.chat("reach out to Ana at Acme", "conv-cross-team");
    // A chat request stops before anything goes out: the one allowed touch waits for a person.
    expect(waiting.status).toBe("waiting_approval");
    expect(waiting.pendingApprovals).toHaveLength(1);
    expect(waiting.pendingApprovals[0]!.reason).toMatch(/chat request/);
    const { outcome: decided } = await orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, {
      verdict: "approve",
      by: "test",
    });
    const outcome = decided!;
    expect(outcome.status).toBe("completed");
    expect([...outcome.route].sort()).toEqual(["campaign-execution", "lead-engagement"]);
    const touches = outcome.decisions.filter((d) => d.actionType === "send_touch");
    expect(touches).toHaveLength(2);
    const allowed = touches.filter((d) => d.decision === "allow");
    expect(allowed).toHaveLength(1);
    expect(allowed[0]!.agent).toBe("lead-engagement");
    const stopped = touches.find((d) => d.decision !== "allow")!;
    expect(stopped.agent).toBe("campaign-execution");
    expect(stopped.rule).not.toBeNull();
    expect(await touchesTo("ana.lopez@acme.com")).toHaveLength(1);
    const conflicts = await store.db.selectFrom("conflicts").selectAll().execute();
    expect(conflicts.map((c) => c.agent)).toEqual(["campaign-execution"]);
  });

  it("across requests: BD's sequence touch, then a marketing send inside the window, yields one touch", async () => {
    const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
      clock: () => FIXTURE_NOW,
    });
    const first = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com"));
    expect(first.effects.filter((e) => e.status === "executed")).toHaveLength(1);

    const marketing = createOrchestrator(store, createLogger({ level: "silent" }), {
      clock: () => new Date(FIXTURE_NOW.getTime() + 60 * 60_000),
      runAgent: async (agent, input, kit) => {
        const real = await agent.playbook(input, kit);
        return agent.cluster === "marketing" ? { ...real, proposals: [touchTo("nurture")] } : real;
      },
      routeChat: async () => ({ agents: ["campaign-execution"], reason: "test", via: "test" }),
    });
    const second = await marketing.chat("send Ana the digest", "conv-marketing");
    const decision = second.decisions.find((d) => d.actionType === "send_touch")!;
    expect(decision.decision).not.toBe("allow");
    expect(decision.rule).toBe("active_sequence");
    expect(await touchesTo("ana.lopez@acme.com")).toHaveLength(1);
  });
});
