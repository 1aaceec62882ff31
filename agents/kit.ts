import { ToolError } from "../domain/errors.ts";
import { inSpan } from "../telemetry/tracing.ts";
import { callTool, type ToolContext } from "../tools/tool.ts";
import type { AgentDefinition, AgentKit } from "./agent.ts";

/** Gives an agent its kit: its own tools only, validated, on the run's clock. */
export function makeKit(agent: AgentDefinition, ctx: ToolContext): AgentKit {
  const allowed = new Set(agent.tools.map((t) => t.name));
  return {
    now: ctx.now,
    use(tool, input) {
      if (!allowed.has(tool.name)) {
        return Promise.reject(
          new ToolError(
            "tool_not_allowed",
            `Agent ${agent.id} may not use tool ${tool.name}; use one of its own tools.`,
          ),
        );
      }
      return inSpan(
        `execute_tool ${tool.name}`,
        {
          "gen_ai.operation.name": "execute_tool",
          "gen_ai.tool.name": tool.name,
          "gen_ai.agent.name": agent.id,
        },
        () => callTool(tool, ctx, input),
      );
    },
  };
}
