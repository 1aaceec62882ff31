import { getCurrentTaskInput } from "@langchain/langgraph";
import { z } from "zod";

/** The ids a ledger row is keyed to; null when the call runs outside a graph run. */
export interface LlmCallContext {
  readonly runId: string | null;
  readonly threadId: string | null;
  readonly correlationId: string | null;
}

const StateRun = z.object({
  run: z.object({ runId: z.string(), threadId: z.string(), correlationId: z.string() }),
});

/** No run: ids stay null. */
export const NO_RUN: LlmCallContext = { runId: null, threadId: null, correlationId: null };

/** Reads the run's ids from the LangGraph node state the call runs inside (`state.run`), if any. */
export function graphRunContext(): LlmCallContext {
  let state: unknown;
  try {
    state = getCurrentTaskInput();
  } catch {
    return NO_RUN; // outside a graph node (tests, one-off CLI calls)
  }
  const parsed = StateRun.safeParse(state);
  return parsed.success ? parsed.data.run : NO_RUN;
}
