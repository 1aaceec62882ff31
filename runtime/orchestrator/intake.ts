import { randomUUID } from "node:crypto";
import { UserError } from "../../domain/errors.ts";
import { type GrowthEvent, validateEvent } from "../../domain/events.ts";
import { eventRequestKey, threadForEvent } from "../../graph/request.ts";
import { appendEvents } from "../../store/repos/events.ts";
import { createRun } from "../../store/repos/runs.ts";
import { personalIdKey } from "../../store/repos/store-secrets.ts";
import { contextFromTraceparent, spanOf } from "../../telemetry/tracing.ts";
import { emptyOutcome, type RunOutcome } from "../outcome.ts";
import type { OrchestratorContext } from "./context.ts";
import { executeRun } from "./execution.ts";
import { parkRun } from "./finish.ts";
import type { RunIds, RunRequest, SubmitOptions } from "./options.ts";
import { enqueueAccepted } from "./queue.ts";

/** Validates an event at the boundary; a bad one is refused with one line per wrong field. */
export function parseEvent(raw: unknown): GrowthEvent {
  const result = validateEvent(raw);
  if (!result.ok) {
    throw new UserError("event_invalid", `The event is invalid:\n  ${result.issues.join("\n  ")}`, {
      details: { issues: result.issues },
    });
  }
  return result.event;
}

/** Accepts one event: persisted before it runs; a duplicate delivery returns the earlier run instead. */
export async function submitEvent(
  ctx: OrchestratorContext,
  raw: unknown,
  options: SubmitOptions = {},
): Promise<RunOutcome> {
  const event = parseEvent(raw);
  const requestKey = `${options.dryRun ? "dry:" : ""}${eventRequestKey(event)}`;
  return submitRun(
    ctx,
    { kind: "event", eventId: "", event },
    {
      threadId: threadForEvent(event, await personalIdKey(ctx.store.db)),
      requestKey,
      correlationId: options.correlationId ?? event.correlation_id ?? randomUUID(),
      entity: { type: event.entity_type, id: event.entity_id },
    },
    options,
  );
}

/** One chat turn on a conversation thread; an empty or over-long turn is refused. */
export async function submitChat(
  ctx: OrchestratorContext,
  text: string,
  conversationId: string,
  options: SubmitOptions = {},
): Promise<RunOutcome> {
  const trimmed = text.trim();
  if (!trimmed) throw new UserError("chat_empty", 'Say what you need, e.g. "who should we chase this week?"');
  if (trimmed.length > 4_000) throw new UserError("chat_too_long", "Keep a request under 4,000 characters.");
  const turn = randomUUID();
  return submitRun(
    ctx,
    { kind: "chat", text: trimmed },
    {
      threadId: `chat:${conversationId}`,
      requestKey: `chat:${conversationId}:${turn}`,
      correlationId: options.correlationId ?? turn,
      entity: { type: "conversation", id: conversationId },
    },
    options,
  );
}

/** One run of a scheduled play, on its own thread. */
export async function submitPlay(
  ctx: OrchestratorContext,
  name: string,
  options: SubmitOptions & { runKey?: string } = {},
): Promise<RunOutcome> {
  const key = options.runKey ?? randomUUID();
  return submitRun(
    ctx,
    { kind: "play", play: name },
    {
      threadId: `play:${name}:${key}`,
      requestKey: `${options.dryRun ? "dry:" : ""}play:${name}:${key}`,
      correlationId: options.correlationId ?? key,
      entity: { type: "play", id: name },
    },
    options,
  );
}

/** Persists a run and its request in one transaction, then runs it on its thread; a repeat key is a duplicate. */
export async function submitRun(
  ctx: OrchestratorContext,
  request: RunRequest,
  ids: RunIds,
  options: SubmitOptions,
): Promise<RunOutcome> {
  const runId = randomUUID();
  const at = options.at ?? ctx.clock();
  const eventId = `${runId}:accepted`;
  const stored = request.kind === "event" ? { ...request, eventId } : request;
  // Accept = persist the run and its request in one transaction, before anything runs. The intake span's
  // traceparent is stored with the run, so the run (resumed, or taken by a worker) continues this trace.
  const intake = spanOf(
    "intake",
    { "growth.run.kind": request.kind, "growth.run.id": runId, "growth.thread.id": ids.threadId },
    options.traceparent ? { parent: contextFromTraceparent(options.traceparent) } : {},
  );
  const traceparent = intake.traceparent;
  const accepting = ctx.store.db.transaction().execute(async (trx) => {
    const result = await createRun(trx, {
      id: runId,
      threadId: ids.threadId,
      kind: request.kind,
      correlationId: ids.correlationId,
      requestKey: ids.requestKey,
      status: "queued",
      request: stored,
      dryRun: options.dryRun ?? false,
      at,
      traceparent,
    });
    if (result.created) {
      // Owned from the moment it is accepted: another process resuming unfinished runs leaves it to us. A run
      // left to workers is not: the worker that takes its job claims it.
      if (ctx.queue?.dispatch !== "workers") await ctx.owner.claimIn(trx, runId);
      await appendEvents(trx, [
        {
          id: eventId,
          type: request.kind === "event" ? request.event.event_type : `${request.kind}_requested`,
          entityType: ids.entity.type,
          entityId: ids.entity.id,
          correlationId: ids.correlationId,
          causationId: options.causationId ?? null,
          source: request.kind === "event" ? request.event.source_agent : request.kind,
          payload: { request: stored, runId, threadId: ids.threadId, dryRun: options.dryRun ?? false },
          occurredAt: at,
        },
      ]);
      // Same transaction: an accepted run always has its job, and a repeat delivery enqueues none.
      if (ctx.queue) {
        await enqueueAccepted(ctx.queue, trx, { runId, threadId: ids.threadId, depth: options.depth ?? 0 });
      }
    }
    return result;
  });
  const { run, created } = await accepting.then(intake.done, intake.failed);
  options.onAccepted?.({
    runId: run.id,
    threadId: run.thread_id,
    correlationId: run.correlation_id,
    created,
  });
  if (!created) {
    return emptyOutcome(
      { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id },
      "duplicate",
      run.id,
      `Already handled: this request was accepted before as run ${run.id} (${run.status}); nothing was started again.`,
    );
  }
  if (ctx.queue?.dispatch === "workers") {
    return emptyOutcome(
      { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id },
      "queued",
      null,
      `Accepted: run ${run.id} is queued for a worker (\`growth worker\`); \`growth trace ${run.id}\` shows it.`,
    );
  }
  ctx.owner.adopt(run.id);
  try {
    if (ctx.control?.draining) return await parkRun(ctx, run, "a shutdown is draining");
    return await ctx.threads.run(run.thread_id, () => executeRun(ctx, run, null, options.depth ?? 0));
  } finally {
    await ctx.owner.release(run.id);
  }
}
