import { Command, isGraphBubbleUp, type NodeError } from "@langchain/langgraph";
import type { Kysely } from "kysely";
import { AGENT_IDS } from "../domain/agents.ts";
import { classifyError, GrowthError } from "../domain/errors.ts";
import { cancelSequence } from "../store/effects.ts";
import { recordDeadLetter } from "../store/repos/dead-letters.ts";
import { appendEvents, eventSeqs } from "../store/repos/events.ts";
import { releaseLeases } from "../store/repos/leases.ts";
import { outboxOfRun } from "../store/repos/outbox.ts";
import type { Database } from "../store/schema.ts";
import type { GraphDeps } from "./deps.ts";
import { leaseHolder } from "./effects.ts";
import type { GraphStateValue, RunError } from "./state.ts";

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
 * Undoes what can be undone of a run's executed steps, newest first: cancels the sequences its touches
 * started (their scheduled touches never go out), then releases the account leases it took first.
 * Returns the steps taken, in the order taken. Sent touches cannot be unsent and stay recorded.
 */
export async function compensateRun(db: Kysely<Database>, runId: string, at: Date): Promise<string[]> {
  const rows = await outboxOfRun(db, runId);
  // Each executed effect's event sits in the log; its position orders the undo, newest first.
  const seqs = await eventSeqs(
    db,
    rows.map((r) => `effect:${r.idempotency_key}`),
  );
  const seqOf = (key: string) => seqs.get(`effect:${key}`) ?? 0;
  const newestFirst = [...rows].sort((a, b) => seqOf(b.idempotency_key) - seqOf(a.idempotency_key));
  const steps: string[] = [];
  for (const row of newestFirst) {
    const payload = JSON.parse(row.payload) as { action?: { type?: string; sequenceId?: string | null } };
    const sequence = payload.action?.type === "send_touch" ? payload.action.sequenceId : null;
    if (sequence && (await cancelSequence(db, sequence, at))) steps.push(`cancelled sequence ${sequence}`);
  }
  const released = await releaseLeases(db, leaseHolder(runId));
  if (released > 0) steps.push(`released ${released} account lease${released === 1 ? "" : "s"}`);
  return steps;
}

/**
 * Error handler for a node whose retries are exhausted: compensates the run's done steps, writes a dead
 * letter with the request, a state snapshot, the error chain, the attempts and the compensation, and routes
 * the run on: back to the supervisor after an agent, to respond after a guard, the approval gate or effects.
 */
export function deadLetterHandler(deps: GraphDeps, maxAttempts: number) {
  return async function onNodeFailure(state: GraphStateValue, failure: NodeError): Promise<Command> {
    const cause = failure.error;
    if (isGraphBubbleUp(cause)) throw cause;
    const id = `${state.run.runId}:${failure.node}`;
    const now = new Date(state.run.now);
    const compensation = await compensateRun(deps.db, state.run.runId, now);
    await recordDeadLetter(deps.db, {
      id,
      runId: state.run.runId,
      correlationId: state.run.correlationId,
      threadId: state.run.threadId,
      node: failure.node,
      event: state.request,
      state: {
        route: state.route,
        proposals: state.proposals,
        decisions: state.decisions,
        effects: state.effects,
        hops: state.hops,
        compensation,
      },
      error: errorChain(cause),
      attempts: attemptsOf(cause, maxAttempts),
      at: now,
    });
    await appendEvents(deps.db, [
      {
        id: `dead-letter:${id}`,
        type: "dead_lettered",
        entityType: "dead_letter",
        entityId: id,
        correlationId: state.run.correlationId,
        causationId: state.run.requestEventId,
        source: failure.node,
        payload: { error: errorChain(cause)[0] ?? null, compensation },
        occurredAt: now,
      },
    ]);
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
    // An agent's failure leaves the other agents' work to the guards; a failure at or after the guard ends
    // the run at respond, so nothing the guard did not finish deciding can reach the effects node.
    return new Command({
      update: { errors: [error] },
      goto: isAgentId(failure.node) ? "supervisor" : "respond",
    });
  };
}

function isAgentId(node: string): boolean {
  return (AGENT_IDS as readonly string[]).includes(node);
}

/** Attempts made: a permanent or policy error is never retried, so it failed on its first attempt. */
function attemptsOf(error: unknown, maxAttempts: number): number {
  return classifyError(error) === "transient" ? maxAttempts : 1;
}
