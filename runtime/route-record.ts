import { graphRunContext } from "../agents/llm/run-context.ts";
import type { ChatRouter } from "../graph/deps.ts";
import type { Store } from "../store/db.ts";
import { appendEvents } from "../store/repos/events.ts";

/**
 * Wraps a chat router so each routing decision is a `chat_routed` event of its run: which router decided
 * (the model, or the intent matcher) and why, including why the model's route was not used.
 */
export function recordingRouter(store: Store, router: ChatRouter): ChatRouter {
  return async function routeAndRecord(text: string) {
    const routed = await router(text);
    const run = graphRunContext();
    if (run.runId && run.correlationId) {
      await appendEvents(store.db, [
        {
          id: `${run.runId}:routed`,
          type: "chat_routed",
          entityType: "run",
          entityId: run.runId,
          correlationId: run.correlationId,
          causationId: null,
          source: "supervisor",
          payload: {
            via: routed.via,
            reason: routed.reason,
            agents: routed.agents,
            fallback: routed.via.includes("(fallback:"),
          },
          occurredAt: new Date(),
        },
      ]);
    }
    return routed;
  };
}
