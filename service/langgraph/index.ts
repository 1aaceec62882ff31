import { Hono } from "hono";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import type { StreamSlots } from "../limits.ts";
import { ASSISTANT, isOrchestrator } from "./assistant.ts";
import { threadRuns } from "./runs.ts";
import { threads } from "./threads.ts";

/**
 * The subset of the LangGraph API the official SDK client needs for the orchestrator: assistant search and
 * get, thread create/get/state, and runs stream/wait on a thread. Anything else under its prefixes is 501.
 */
export function langgraph(deps: ServiceDeps, slots: StreamSlots) {
  const app = new Hono<ServiceEnv>();
  app.post("/assistants/search", function searchAssistants(c) {
    return c.json([ASSISTANT]);
  });
  app.get("/assistants/:id", function getAssistant(c) {
    const id = c.req.param("id");
    if (!isOrchestrator(id))
      throw new ApiError(
        404,
        "assistant_unknown",
        `There is no assistant ${id}; the one assistant is "growth-orchestrator".`,
      );
    return c.json(ASSISTANT);
  });
  app.route("/threads", threads(deps));
  app.route("/threads", threadRuns(deps, slots));
  for (const prefix of ["/assistants", "/threads", "/runs", "/store", "/crons"])
    app.all(`${prefix}/*`, function notSupported(c) {
      throw new ApiError(
        501,
        "not_supported",
        `${c.req.method} ${c.req.path} of the LangGraph API is not supported by growth serve; see the README's Service section for the subset.`,
      );
    });
  return app;
}
