import { DEFAULT_CONFLICT_POLICY } from "../../domain/conflicts/index.ts";
import { DEFAULT_APPROVAL_POLICY } from "../../graph/approval-policy.ts";
import type { GraphDeps } from "../../graph/deps.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Store } from "../../store/db.ts";

/** Graph dependencies for testing one node on a store: default policies, no agents, no chat routing. */
export function nodeTestDeps(store: Store): GraphDeps {
  return {
    db: store.db,
    logger: createLogger({ level: "silent" }),
    agents: {} as GraphDeps["agents"],
    runAgent: async () => {
      throw new Error("not used");
    },
    routeChat: async () => ({ agents: [], reason: "", via: "test" }),
    conflictPolicy: DEFAULT_CONFLICT_POLICY,
    approvalPolicy: DEFAULT_APPROVAL_POLICY,
    leaseTtlMs: 600_000,
    hopCap: 8,
  };
}
