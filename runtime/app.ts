import type { Logger } from "pino";
import { AGENT_LIST, AGENTS } from "../agents/index.ts";
import { matcherChatRouter } from "../graph/chat-router.ts";
import { createCheckpointer } from "../graph/checkpointer.ts";
import type { Store } from "../store/db.ts";
import { Orchestrator, type OrchestratorOptions } from "./orchestrator.ts";

/** Builds the orchestrator for a store: checkpoints in the same SQLite file, agents in playbook mode. */
export function createOrchestrator(
  store: Store,
  logger: Logger,
  overrides: Partial<Omit<OrchestratorOptions, "store" | "logger">> = {},
): Orchestrator {
  return new Orchestrator({
    store,
    logger,
    checkpointer: overrides.checkpointer ?? createCheckpointer({ kind: "sqlite", file: store.file }),
    agents: AGENTS,
    routeChat: overrides.routeChat ?? matcherChatRouter(AGENT_LIST),
    ...overrides,
  });
}
