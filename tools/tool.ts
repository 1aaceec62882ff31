import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { z } from "zod";
import { ToolError } from "../domain/errors.ts";
import type { Database } from "../store/schema.ts";

/** What every tool runs with: the store, the run's clock and a logger. */
export interface ToolContext {
  readonly db: Kysely<Database>;
  readonly now: Date;
  readonly logger: Logger;
}

/** A typed tool over the store: a name and description a model reads, a zod input schema, and `run`. */
export interface ToolDefinition<S extends z.ZodType = z.ZodType, O = unknown> {
  readonly name: string;
  readonly description: string;
  readonly schema: S;
  run(ctx: ToolContext, input: z.output<S>): Promise<O>;
}

/** Any tool, whatever its types; used by registries and agent definitions. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds tools of every input and output type
export type AnyTool = ToolDefinition<any, any>;

/** Defines a tool; the name must be snake_case so every provider accepts it. */
export function defineTool<S extends z.ZodType, O>(definition: ToolDefinition<S, O>): ToolDefinition<S, O> {
  if (!/^[a-z][a-z0-9_]{2,63}$/.test(definition.name)) {
    throw new Error(`Tool name "${definition.name}" must be snake_case, 3 to 64 characters.`);
  }
  return definition;
}

/** Validates the input against the tool's schema and runs it; a bad input is a ToolError a model can fix. */
export async function callTool<S extends z.ZodType, O>(
  tool: ToolDefinition<S, O>,
  ctx: ToolContext,
  input: z.input<S>,
): Promise<O> {
  const parsed = tool.schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`)
      .join("; ");
    throw new ToolError("tool_input_invalid", `Tool ${tool.name} got invalid arguments: ${problems}`);
  }
  return tool.run(ctx, parsed.data);
}
