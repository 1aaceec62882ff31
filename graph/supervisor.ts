import { Command, Overwrite } from "@langchain/langgraph";
import type { AgentId } from "../domain/agents.ts";
import type { ChatRouter } from "./deps.ts";
import { EVENT_ROUTES, findPlay, PLAYS } from "./routes.ts";
import type { GraphStateValue } from "./state.ts";

/** Where the supervisor can send the run. */
export type SupervisorTarget = AgentId | "conflict_guard" | "respond";

/** The supervisor's plan for a fresh request: agents to start with, or an answer when none fits. */
export async function initialAgents(
  request: GraphStateValue["request"],
  routeChat: ChatRouter,
): Promise<{ agents: AgentId[]; note: string | null }> {
  switch (request.kind) {
    case "event":
      return { agents: [...EVENT_ROUTES[request.event.event_type]], note: null };
    case "play": {
      const play = findPlay(request.play);
      if (play) return { agents: [...play.agents], note: null };
      return {
        agents: [],
        note: `There is no play called "${request.play}". Plays: ${PLAYS.map((p) => p.name).join(", ")}.`,
      };
    }
    case "chat": {
      const routed = await routeChat(request.text);
      return { agents: routed.agents, note: routed.agents.length === 0 ? routed.reason : null };
    }
  }
}

/** Agents to run next from handoffs: never one already run for this request, and never past the hop cap. */
export function nextAgents(state: Pick<GraphStateValue, "route" | "handoffs">, hopCap: number): AgentId[] {
  const seen = new Set(state.route);
  const next: AgentId[] = [];
  for (const agent of state.handoffs) {
    if (seen.has(agent) || next.includes(agent)) continue;
    if (seen.size + next.length >= hopCap) break;
    next.push(agent);
  }
  return next;
}

/** The supervisor node: a code router that fans out to the agents it picks, then hands over to the guard. */
export function supervisorNode(deps: { routeChat: ChatRouter; hopCap: number }) {
  return async function supervisor(state: GraphStateValue): Promise<Command> {
    const fresh = state.hops === 0;
    let agents: AgentId[];
    let note: string | null = null;
    if (fresh) {
      ({ agents, note } = await initialAgents(state.request, deps.routeChat));
      agents = agents.slice(0, deps.hopCap);
    } else {
      agents = nextAgents(state, deps.hopCap);
    }
    if (agents.length > 0) {
      // By name, not `Send(agent, state)`: the agents read the state after this update (handoffs cleared), and
      // no copy of the whole state is written to the checkpointer once per agent.
      return new Command({
        goto: agents,
        update: { hops: state.hops + 1, handoffs: new Overwrite([]) },
      });
    }
    const target: SupervisorTarget = fresh ? "respond" : "conflict_guard";
    return new Command({
      goto: target,
      update: { hops: state.hops + 1, handoffs: new Overwrite([]), ...(note ? { answer: note } : {}) },
    });
  };
}
