import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { ensureApiThread, getApiThread } from "../../store/repos/api-threads.ts";
import { listRuns } from "../../store/repos/runs.ts";
import { requireRole } from "../auth.ts";
import { parseBody, readRawJson } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { interruptOf, projectValues } from "./values.ts";

const CreateThread = z.object({
  thread_id: z.string().min(1).max(200).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  if_exists: z.enum(["raise", "do_nothing"]).optional(),
});

/** The graph thread an SDK thread's runs live on. */
export function graphThreadOf(threadId: string): string {
  return `chat:${threadId}`;
}

/** An SDK thread that must exist; 404 naming it otherwise. */
export async function existingThread(deps: ServiceDeps, threadId: string) {
  const row = await getApiThread(deps.store.db, threadId);
  if (!row)
    throw new ApiError(
      404,
      "thread_unknown",
      `There is no thread ${threadId}; create it with POST /threads.`,
    );
  return row;
}

/** The thread's current state as `threads.getState` returns it. */
export async function threadState(deps: ServiceDeps, threadId: string) {
  const snap = await deps.orchestrator.graph.getState({
    configurable: { thread_id: graphThreadOf(threadId) },
  });
  const pending = await deps.orchestrator.pendingOf(graphThreadOf(threadId));
  const values = projectValues(snap.values as never, pending);
  const checkpoint = (config: typeof snap.config | undefined) =>
    config?.configurable?.checkpoint_id
      ? {
          thread_id: threadId,
          checkpoint_ns: "",
          checkpoint_id: String(config.configurable.checkpoint_id),
          checkpoint_map: null,
        }
      : null;
  return {
    values,
    next: snap.next,
    checkpoint: checkpoint(snap.config) ?? {
      thread_id: threadId,
      checkpoint_ns: "",
      checkpoint_id: null,
      checkpoint_map: null,
    },
    metadata: snap.metadata ?? {},
    created_at: snap.createdAt ?? null,
    parent_checkpoint: checkpoint(snap.parentConfig),
    tasks: snap.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      error: null,
      interrupts: t.interrupts.map((i) => ({ id: i.id, value: i.value })),
      checkpoint: null,
      state: null,
    })),
  };
}

/** A thread as `threads.get` and `threads.create` return it. */
async function threadJson(
  deps: ServiceDeps,
  row: { thread_id: string; metadata: string; created_at: string; updated_at: string },
) {
  const state = await threadState(deps, row.thread_id);
  const runs = await listRuns(deps.store.db, { statuses: ["queued", "running"], limit: 500 });
  const busy = runs.some((r) => r.thread_id === graphThreadOf(row.thread_id));
  const pending = state.values.pending_approvals;
  const runId = state.values.run_id ?? "";
  return {
    thread_id: row.thread_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    state_updated_at: row.updated_at,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    status: busy ? "busy" : pending.length > 0 ? "interrupted" : "idle",
    values: state.values,
    interrupts: pending.length > 0 ? { [runId]: interruptOf(runId, pending) } : {},
  };
}

/** `POST /threads`, `GET /threads/{id}`, `GET /threads/{id}/state` of the LangGraph API. */
export function threads(deps: ServiceDeps) {
  return new Hono<ServiceEnv>()
    .post("/", requireRole("operator"), async function createThread(c) {
      const body = parseBody(CreateThread, await readRawJson(c));
      const id = body.thread_id ?? randomUUID();
      if (body.thread_id && body.if_exists !== "do_nothing" && (await getApiThread(deps.store.db, id)))
        throw new ApiError(
          409,
          "thread_exists",
          `Thread ${id} exists; pass if_exists "do_nothing" to reuse it.`,
        );
      const row = await ensureApiThread(deps.store.db, id, body.metadata ?? {}, new Date());
      return c.json(await threadJson(deps, row));
    })
    .get("/:id", async function getThread(c) {
      return c.json(await threadJson(deps, await existingThread(deps, c.req.param("id"))));
    })
    .get("/:id/state", async function getState(c) {
      const row = await existingThread(deps, c.req.param("id"));
      return c.json(await threadState(deps, row.thread_id));
    });
}
