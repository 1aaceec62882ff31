import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SystemError } from "../../domain/errors.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

describe("an agent that fails for good", () => {
  it("is dead-lettered; the other agent's work still goes through the guard; the run answers and is failed", async () => {
    const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
      clock: () => FIXTURE_NOW,
      runAgent: async (agent, input, kit) => {
        if (agent.id === "deal-closer")
          throw new SystemError("crm_down", "The CRM did not answer; try later.");
        return agent.playbook(input, kit);
      },
      routeChat: async () => ({ agents: ["lead-engagement", "deal-closer"], reason: "test", via: "test" }),
    });
    const waiting = await orchestrator.chat("draft a follow-up to ana.lopez@acme.com", "conv-failure");
    expect(waiting.status).toBe("waiting_approval");
    const { outcome: decided } = await orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, {
      verdict: "approve",
    });
    const outcome = decided!;

    expect(outcome.status).toBe("failed");
    expect(outcome.route).toEqual(["lead-engagement"]);
    expect(outcome.errors).toMatchObject([{ node: "deal-closer", code: "crm_down" }]);
    // lead-engagement's proposal was still decided by the guard and executed once.
    expect(outcome.decisions.find((d) => d.agent === "lead-engagement")?.decision).toBe("allow");
    expect(outcome.effects.filter((e) => e.status === "executed")).toHaveLength(1);
    expect(outcome.answer).toContain("Error in deal-closer");
    const letters = await store.db.selectFrom("dead_letters").select(["node", "run_id"]).execute();
    expect(letters).toEqual([{ node: "deal-closer", run_id: outcome.runId }]);
    const runs = await store.db.selectFrom("runs").select(["status"]).execute();
    expect(runs).toEqual([{ status: "failed" }]);
  });
});
