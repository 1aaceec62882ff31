import { Hono } from "hono";
import { requireRole } from "../auth.ts";
import { parseBody, readRawJson } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import type { StreamSlots } from "../limits.ts";
import { sseResponse } from "../sse.ts";
import { checkSupported, RunBody } from "./run-body.ts";
import { startRun } from "./start-run.ts";
import { existingThread, graphThreadOf } from "./threads.ts";
import { interruptOf, projectValues } from "./values.ts";

/** `POST /threads/{id}/runs/stream` and `/runs/wait` of the LangGraph API, for the orchestrator assistant. */
export function threadRuns(deps: ServiceDeps, slots: StreamSlots) {
  const finalValues = async (threadId: string, runId: string, last: unknown) => {
    const pending = await deps.orchestrator.pendingOf(graphThreadOf(threadId));
    const state =
      last ??
      (await deps.orchestrator.graph.getState({ configurable: { thread_id: graphThreadOf(threadId) } }))
        .values;
    const values = projectValues(state as never, pending);
    return pending.length > 0 ? { ...values, __interrupt__: interruptOf(runId, pending) } : values;
  };

  return new Hono<ServiceEnv>()
    .post("/:id/runs/stream", requireRole("operator"), async function streamRun(c) {
      const thread = await existingThread(deps, c.req.param("id"));
      const body = parseBody(RunBody, await readRawJson(c));
      const modes = checkSupported(body);
      const key = c.get("key");
      const release = slots.acquire(key.id, key.name);
      const run = await startRun(deps, thread.thread_id, body, key).catch((error: unknown) => {
        release();
        throw error;
      });
      c.header("Content-Location", `/threads/${thread.thread_id}/runs/${run.runId}`);
      return sseResponse(
        c,
        async (sink) => {
          await sink.send("metadata", { run_id: run.runId, thread_id: thread.thread_id, attempt: 1 });
          let last: unknown = null;
          for await (const signal of run.feed.signals()) {
            if (signal.type === "text" && modes.includes("messages-tuple"))
              await sink.send(
                "messages",
                messageChunk(run.runId, thread.thread_id, signal.agent, signal.text),
              );
            if (signal.type === "update" && modes.includes("updates"))
              await sink.send("updates", { [signal.node]: signal.update });
            if (signal.type === "values") {
              last = signal.values;
              if (modes.includes("values")) await sink.send("values", projectValues(signal.values));
            }
          }
          await run.done;
          const final = await finalValues(thread.thread_id, run.runId, last);
          if ("__interrupt__" in final) {
            if (modes.includes("updates")) await sink.send("updates", { __interrupt__: final.__interrupt__ });
            if (modes.includes("values")) await sink.send("values", final);
          } else if (last === null && modes.includes("values")) await sink.send("values", final);
          await sink.send("end", null);
        },
        release,
      );
    })
    .post("/:id/runs/wait", requireRole("operator"), async function waitRun(c) {
      const thread = await existingThread(deps, c.req.param("id"));
      const body = parseBody(RunBody, await readRawJson(c));
      checkSupported({ ...body, stream_mode: undefined });
      const run = await startRun(deps, thread.thread_id, body, c.get("key"));
      let last: unknown = null;
      for await (const signal of run.feed.signals()) if (signal.type === "values") last = signal.values;
      await run.done;
      c.header("Content-Location", `/threads/${thread.thread_id}/runs/${run.runId}`);
      return c.json(await finalValues(thread.thread_id, run.runId, last));
    });
}

/**
 * One piece of model text as the `messages-tuple` mode sends it: `[message chunk, metadata]`, the chunk an
 * `AIMessageChunk` whose id is one per agent and run (an agent's model steps share it), the node its agent.
 */
function messageChunk(runId: string, threadId: string, agent: string, text: string) {
  return [
    { type: "AIMessageChunk", id: `run-${runId}-${agent}`, content: text },
    { langgraph_node: agent, run_id: runId, thread_id: threadId },
  ];
}
