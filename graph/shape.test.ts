import { MemorySaver } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { AGENTS } from "../agents/index.ts";
import { DEFAULT_CONFLICT_POLICY } from "../domain/conflicts/index.ts";
import { createLogger } from "../runtime/logger.ts";
import { openStore } from "../store/db.ts";
import { DEFAULT_APPROVAL_POLICY } from "./approval-policy.ts";
import { buildGraph } from "./build.ts";

describe("the orchestrator graph's shape", () => {
  it("matches the committed Mermaid drawing, so a change of shape is a visible diff", async () => {
    const store = await openStore(":memory:");
    const graph = buildGraph(
      {
        db: store.db,
        logger: createLogger({ level: "silent" }),
        agents: AGENTS,
        runAgent: (agent, input, kit) => agent.playbook(input, kit),
        routeChat: async () => ({ agents: [], reason: "none", via: "test" }),
        conflictPolicy: DEFAULT_CONFLICT_POLICY,
        approvalPolicy: DEFAULT_APPROVAL_POLICY,
        leaseTtlMs: 60_000,
        hopCap: 8,
      },
      new MemorySaver(),
    );
    const drawing = (await graph.getGraphAsync()).drawMermaid();
    await expect(drawing).toMatchFileSnapshot("./__snapshots__/orchestrator.mmd");
    await store.close();
  });
});
