import { isGraphBubbleUp } from "@langchain/langgraph";
import type { AgentDefinition } from "../agents/agent.ts";
import { makeKit } from "../agents/kit.ts";
import type { ServedBy } from "../agents/llm/runner.ts";
import { parseFilters, unappliedNote } from "../agents/request/filters.ts";
import { type ProposedAction, ProposedActionBody } from "../domain/actions.ts";
import { ModelError } from "../domain/errors.ts";
import { requestVocabulary } from "../store/queries/request-vocabulary.ts";
import { appendEvents } from "../store/repos/events.ts";
import { GEN_AI } from "../telemetry/gen-ai.ts";
import { inSpan } from "../telemetry/tracing.ts";
import type { GraphDeps } from "./deps.ts";
import type { GraphStateUpdate, GraphStateValue, RunError } from "./state.ts";

/** What a runner that reports no path (the plain playbook runner) served by. */
const PLAYBOOK_SERVED: ServedBy = { path: "playbook", model: "playbook", reason: null };

/** The node for one agent: runs it on a scoped view of the state and returns typed artefacts and proposals. */
export function agentNode(agent: AgentDefinition, deps: GraphDeps) {
  return async function runAgentNode(state: GraphStateValue): Promise<GraphStateUpdate> {
    const now = new Date(state.run.now);
    const logger = deps.logger.child({
      runId: state.run.runId,
      threadId: state.run.threadId,
      agent: agent.id,
    });
    const artefacts = Object.fromEntries(
      agent.reads.filter((id) => id in state.artefacts).map((id) => [id, state.artefacts[id]]),
    );
    const kit = makeKit(agent, { db: deps.db, now, logger });
    // A chat request's filters are read against what the store knows (its industries, countries, owners).
    const vocabulary = state.request.kind === "chat" ? await requestVocabulary(deps.db) : undefined;
    const started = performance.now();
    const result = await inSpan(
      `invoke_agent ${agent.id}`,
      {
        [GEN_AI.operation]: "invoke_agent",
        [GEN_AI.agentName]: agent.id,
        "growth.agent.cluster": agent.cluster,
      },
      async (span) => {
        const ran = await deps.runAgent(agent, { request: state.request, artefacts, now, vocabulary }, kit);
        const by = ran.servedBy ?? PLAYBOOK_SERVED;
        span.setAttributes({ "growth.agent.served_by": by.path, "growth.agent.model": by.model });
        return ran;
      },
      { isSignal: isGraphBubbleUp },
    );
    const durationMs = Math.round(performance.now() - started);
    const servedBy: ServedBy = result.servedBy ?? PLAYBOOK_SERVED;
    deps.telemetry?.agent(agent.id, servedBy.path, durationMs / 1_000);
    // A playbook says which filters it applied; any other filter the request named is stated, not dropped.
    // An agent working on an earlier agent's artefact (content for the planner's campaign) inherits its scope.
    const downstream = agent.reads.some((id) => id in state.artefacts);
    const unapplied =
      state.request.kind === "chat" && servedBy.path === "playbook" && !downstream
        ? unappliedNote(parseFilters(state.request.text, vocabulary, now), result.appliedFilters ?? [])
        : null;
    const summary = unapplied ? `${result.summary} ${unapplied}` : result.summary;

    const artefact = agent.artefact.safeParse(result.artefact);
    if (!artefact.success) {
      throw new ModelError(
        "artefact_invalid",
        `Agent ${agent.id} returned an artefact that does not fit its schema.`,
        {
          cause: artefact.error,
        },
      );
    }
    const proposals: ProposedAction[] = [];
    const errors: RunError[] = [];
    result.proposals.forEach((raw, index) => {
      const parsed = ProposedActionBody.safeParse(raw);
      if (parsed.success) {
        proposals.push({
          ...parsed.data,
          id: `${agent.id}#${index + 1}`,
          agent: agent.id,
          cluster: agent.cluster,
        });
      } else {
        errors.push({
          node: agent.id,
          code: "proposal_invalid",
          message: `Proposal ${index + 1} was dropped: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
          deadLetterId: null,
        });
      }
    });

    await appendEvents(deps.db, [
      {
        id: `${state.run.runId}:agent:${agent.id}`,
        type: "agent_completed",
        entityType: "run",
        entityId: state.run.runId,
        correlationId: state.run.correlationId,
        causationId: state.run.requestEventId,
        source: agent.id,
        payload: {
          summary,
          proposals: proposals.map((p) => ({ id: p.id, type: p.type })),
          handoffs: result.handoffs ?? [],
          followUps: (result.events ?? []).map((e) => e.event_type),
          dropped: errors.length,
          servedBy,
          durationMs,
        },
        occurredAt: now,
      },
    ]);
    logger.debug(
      { proposals: proposals.length, handoffs: result.handoffs?.length ?? 0, servedBy },
      "agent completed",
    );

    // Only the lists this agent adds to: an empty append changes nothing but is still written and checkpointed.
    const handoffs = result.handoffs ?? [];
    const followUps = result.events ?? [];
    return {
      route: [agent.id],
      artefacts: { [agent.id]: artefact.data },
      summaries: [{ agent: agent.id, summary }],
      ...(proposals.length > 0 ? { proposals } : {}),
      ...(handoffs.length > 0 ? { handoffs } : {}),
      ...(followUps.length > 0 ? { followUps } : {}),
      ...(errors.length > 0 ? { errors } : {}),
    };
  };
}
