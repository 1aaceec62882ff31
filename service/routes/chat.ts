import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { approvalViews } from "../../runtime/approvals/view.ts";
import { stepDetail } from "../../runtime/queries/step-detail.ts";
import { outcomeJson } from "../../runtime/render.ts";
import { acceptRun } from "../accept.ts";
import { requireRole } from "../auth.ts";
import { readJson } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { RunFeed } from "../feed.ts";
import type { StreamSlots } from "../limits.ts";
import { ChatBody } from "../schemas.ts";
import { sseResponse } from "../sse.ts";

/**
 * `POST /v1/chat`: one turn. With `Accept: text/event-stream` it streams `accepted`, `step` per node (what it
 * did: the route, the path that served an agent, the guard's decisions by rule) and
 * `model_text` per streamed piece of model text (LLM mode), then `answer`, `approvals` and `outcome`, and `end`;
 * otherwise it answers with the outcome once the turn is done.
 */
export function chat(deps: ServiceDeps, slots: StreamSlots) {
  return new Hono<ServiceEnv>().post("/", requireRole("operator"), async function postChat(c) {
    const { text, conversation_id } = await readJson(c, ChatBody);
    const conversation = conversation_id ?? randomUUID();
    const streaming = (c.req.header("accept") ?? "").includes("text/event-stream");
    if (!streaming) {
      const { done } = acceptRun(deps.tasks, (o) => deps.orchestrator.chat(text, conversation, o));
      return c.json({ conversation_id: conversation, ...outcomeJson(await done) });
    }
    const key = c.get("key");
    const release = slots.acquire(key.id, key.name);
    const feed = new RunFeed();
    const { accepted, done } = acceptRun(deps.tasks, (o) =>
      deps.orchestrator.chat(text, conversation, {
        onAccepted: (a) => {
          feed.attach(deps.bus, a.runId);
          o.onAccepted?.(a);
        },
      }),
    );
    void done.finally(() => feed.finish()).catch(() => undefined);
    const first = await accepted.catch((error: unknown) => {
      release();
      throw error;
    });
    return sseResponse(
      c,
      async (sink) => {
        await sink.send("accepted", { ...first, conversation_id: conversation });
        for await (const signal of feed.signals()) {
          if (signal.type === "update") {
            const run = { runId: first.run_id, correlationId: first.correlation_id };
            await sink.send("step", await stepDetail(deps.store, run, signal.node, signal.update));
          }
          if (signal.type === "text")
            await sink.send("model_text", { agent: signal.agent, text: signal.text });
        }
        const result = await done;
        await sink.send("answer", { text: result.answer });
        if (result.pendingApprovals.length > 0) {
          // Each approval in full, as GET /v1/approvals shows it: recipient, body, offer, audience, guard.
          const ids = result.pendingApprovals.map((p) => p.approvalId);
          const approvals = await approvalViews(deps.store.db, { ids });
          await sink.send("approvals", { pending: result.pendingApprovals, approvals });
        }
        await sink.send("outcome", outcomeJson(result));
        await sink.send("end", null);
      },
      release,
    );
  });
}
