import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

let orchestrator: Orchestrator;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const fixture = await fixtureStore();
  cleanup = fixture.cleanup;
  orchestrator = createOrchestrator(fixture.store, createLogger({ level: "silent" }), {
    env: {},
    clock: () => FIXTURE_NOW,
  });
});
afterAll(async () => cleanup());

describe("playbook mode: a turn that refers back to the previous one", () => {
  it("goes to the agents of the previous turn in the same conversation, and nowhere in a new one", async () => {
    const first = await orchestrator.chat("why did webinar signups drop?", "conv-ref");
    expect(first.route).toEqual(["marketing-analytics"]);

    const second = await orchestrator.chat("now do the same for his colleague", "conv-ref");
    expect(second.status).not.toBe("failed");
    expect(second.route).toEqual(["marketing-analytics"]);

    const fresh = await orchestrator.chat("now do the same for his colleague", "conv-other");
    expect(fresh.route).toEqual([]);
  });
});
