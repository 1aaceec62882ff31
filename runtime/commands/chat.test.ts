import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../../test/helpers/fixture.ts";
import { createOrchestrator } from "../app.ts";
import { createLogger } from "../logger.ts";
import type { Orchestrator } from "../orchestrator.ts";
import { answerApprovals } from "./chat.ts";

let store: Store;
let cleanup: () => Promise<void>;
let orchestrator: Orchestrator;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
    env: {},
    // Two agents, one touch each, to two different contacts: two approvals in one chat turn.
    runAgent: async (agent, input, kit) => ({
      ...(await agent.playbook(input, kit)),
      proposals: [
        {
          type: "send_touch",
          contactEmail: agent.id === "deal-closer" ? "bea.buyer@globex.com" : "ivan.ops@initech.com",
          accountDomain: agent.id === "deal-closer" ? "globex.com" : "initech.com",
          channel: "email",
          play: agent.id === "deal-closer" ? "deal" : "sequence",
          templateId: "t",
          subject: "Hello",
          body: "A short note.",
          rationale: "test",
        },
      ],
    }),
    routeChat: async () => ({ agents: ["deal-closer", "lead-engagement"], reason: "test", via: "test" }),
  });
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

const sent = () => store.db.selectFrom("outbox").select("status").execute();

describe("answering a chat turn's approvals", () => {
  it("sends nothing until asked; 'A' approves every approval of the turn with one answer", async () => {
    const waiting = await orchestrator.chat("follow up with Bea and Ivan", "conv-a");
    expect(waiting.pendingApprovals).toHaveLength(2);
    expect(await sent()).toHaveLength(0);
    const ask = vi.fn(async () => "A");
    const done = await answerApprovals(orchestrator, waiting, ask);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(done.status).toBe("completed");
    expect(await sent()).toHaveLength(2);
  });

  it("'R' rejects them all; a lower-case 'r' rejects one and asks about the next", async () => {
    const all = await orchestrator.chat("follow up with Bea and Ivan", "conv-r");
    await answerApprovals(orchestrator, all, async () => "R");
    expect(await sent()).toHaveLength(0);

    const one = await orchestrator.chat("follow up with Bea and Ivan again", "conv-r2");
    const answers = ["r", "a"];
    const ask = vi.fn(async () => answers.shift() ?? "r");
    await answerApprovals(orchestrator, one, ask);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(await sent()).toHaveLength(1);
  });
});
