import { describe, expect, it } from "vitest";
import { AGENT_IDS } from "../domain/agents.ts";
import { EVENT_TYPES } from "../domain/events.ts";
import { EVENT_ROUTES, PLAYS } from "./routes.ts";
import { initialAgents, nextAgents } from "./supervisor.ts";

const noChat = async () => ({ agents: [], reason: "nothing matched", via: "test" });

describe("supervisor routing", () => {
  it("routes every event type by the table, with no LLM call", async () => {
    for (const type of EVENT_TYPES) {
      const event = {
        event_type: type,
        source_agent: "t",
        entity_type: "metric",
        entity_id: "x",
        action: "a",
        data: {},
      } as const;
      const routed = await initialAgents({ kind: "event", eventId: "e", event }, async () => {
        throw new Error("events must not reach the chat router");
      });
      expect(routed.agents).toEqual(EVENT_ROUTES[type]);
      expect(routed.agents.length).toBeGreaterThan(0);
    }
  });

  it("starts a play with its agents and refuses an unknown play with the list of plays", async () => {
    const play = PLAYS[0]!;
    expect((await initialAgents({ kind: "play", play: play.name }, noChat)).agents).toEqual(play.agents);
    const unknown = await initialAgents({ kind: "play", play: "nope" }, noChat);
    expect(unknown.agents).toEqual([]);
    expect(unknown.note).toContain(play.name);
  });

  it("gives chat a clear answer when nothing matches", async () => {
    const routed = await initialAgents({ kind: "chat", text: "bake a cake" }, noChat);
    expect(routed).toEqual({ agents: [], note: "nothing matched" });
  });

  it("never runs an agent twice for one request and stops at the hop cap", () => {
    expect(
      nextAgents({ route: ["campaign-planner"], handoffs: ["content-creation", "campaign-planner"] }, 8),
    ).toEqual(["content-creation"]);
    expect(
      nextAgents({ route: ["content-creation"], handoffs: ["campaign-execution", "campaign-execution"] }, 8),
    ).toEqual(["campaign-execution"]);
    const route = AGENT_IDS.slice(0, 3);
    expect(nextAgents({ route: [...route], handoffs: [AGENT_IDS[5]!, AGENT_IDS[6]!] }, 4)).toEqual([
      AGENT_IDS[5],
    ]);
  });
});
