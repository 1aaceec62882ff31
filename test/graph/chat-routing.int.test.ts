import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentId } from "../../domain/agents.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

/** One request a growth lead would type per agent; none is copied from an agent's own examples. */
const REQUESTS: ReadonlyArray<readonly [AgentId, string]> = [
  ["market-intelligence", "Which companies fit our ideal customer profile best?"],
  ["opportunity-scout", "Which accounts are spiking in engagement?"],
  ["lead-engagement", "draft a follow-up to Acme's CFO"],
  ["partnership-negotiator", "Propose referral partnership terms for wayne.com"],
  ["deal-closer", "who should we chase this week?"],
  ["marketing-strategy", "How should we split next quarter's marketing budget across channels?"],
  ["campaign-planner", "Plan a webinar campaign for fintech accounts"],
  ["content-creation", "Write a nurture email for Acme about pipeline hygiene"],
  ["campaign-execution", "Enrol the fintech audience in the webinar campaign and schedule the sends"],
  ["marketing-analytics", "why did webinar signups drop?"],
];

let orchestrator: Orchestrator;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const fixture = await fixtureStore();
  cleanup = fixture.cleanup;
  orchestrator = createOrchestrator(fixture.store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
  });
});
afterAll(async () => cleanup());

describe("a chat request per agent, through the whole graph in playbook mode", () => {
  it.each(REQUESTS)("routes to %s: %j", async (agent, text) => {
    const outcome = await orchestrator.chat(text, `conv-${agent}`, { dryRun: true });
    expect(outcome.status, outcome.errors.map((e) => e.message).join("; ")).not.toBe("failed");
    expect(outcome.route[0]).toBe(agent);
    expect(outcome.answer).toBeTruthy();
  });

  it("answers a request nothing matches by saying what the orchestrator can do", async () => {
    const outcome = await orchestrator.chat("what's the weather in Lisbon?", "conv-none");
    expect(outcome.route).toEqual([]);
    expect(outcome.answer).toMatch(/can/i);
  });
});
