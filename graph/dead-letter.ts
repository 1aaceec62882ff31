import { isGraphBubbleUp, type NodeError } from "@langchain/langgraph";
import { GrowthError } from "../domain/errors.ts";
import { recordDeadLetter } from "../store/repos/dead-letters.ts";
import { releaseLeases } from "../store/repos/leases.ts";
import type { GraphDeps } from "./deps.ts";
import { leaseHolder } from "./effects.ts";
import type { GraphStateUpdate, GraphStateValue, RunError } from "./state.ts";

/** The error chain of a failure, outermost first, as plain data for the dead-letter record. */
export function errorChain(error: unknown): { name: string; code: string | null; message: string }[] {
  const chain: { name: string; code: string | null; message: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof Error) {
      chain.push({
        name: current.name,
        code: current instanceof GrowthError ? current.code : null,
        message: current.message,
      });
      current = current.cause;
    } else {
      chain.push({ name: typeof current, code: null, message: String(current) });
      break;
    }
  }
  return chain;
}

/**
 * Error handler for a node whose retries are exhausted: writes a dead letter with the request, a state
 * snapshot, the error chain and the attempts, releases the run's leases, and lets the run go on.
 */
export function deadLetterHandler(deps: GraphDeps, maxAttempts: number) {
  return async function onNodeFailure(state: GraphStateValue, failure: NodeError): Promise<GraphStateUpdate> {
    const cause = failure.error;
    if (isGraphBubbleUp(cause)) throw cause;
    const id = `${state.run.runId}:${failure.node}`;
    const now = new Date(state.run.now);
    await recordDeadLetter(deps.db, {
      id,
      runId: state.run.runId,
      correlationId: state.run.correlationId,
      threadId: state.run.threadId,
      node: failure.node,
      event: state.request,
      state: { route: state.route, proposals: state.proposals, decisions: state.decisions, hops: state.hops },
      error: errorChain(cause),
      attempts: maxAttempts,
      at: now,
    });
    await releaseLeases(deps.db, leaseHolder(state.run.runId));
    deps.logger.warn(
      { runId: state.run.runId, node: failure.node, code: errorChain(cause)[0]?.code },
      "dead-lettered",
    );
    const error: RunError = {
      node: failure.node,
      code: cause instanceof GrowthError ? cause.code : "node_failed",
      message: cause instanceof Error ? cause.message : String(cause),
      deadLetterId: id,
    };
    return { errors: [error] };
  };
}
