import { isGraphBubbleUp } from "@langchain/langgraph";
import { ModelError, ToolError } from "../../domain/errors.ts";
import type { ChatClient, ChatMessage, ToolCall } from "../../models/client.ts";
import type { AgentDefinition, AgentInput, AgentKit, AgentResult } from "../agent.ts";
import { crmData, toolError } from "./crm-data.ts";
import { inputMessage } from "./input-message.ts";
import type { stepRecorder } from "./ledger.ts";
import { finalOutputSchema, SUBMIT_TOOL, submitSpec, toolSpec } from "./tool-specs.ts";

/** What one tool-calling run needs: the client, the agent's system prompt, and a ledger per step. */
export interface LoopOptions {
  readonly client: ChatClient;
  readonly system: string;
  readonly maxSteps: number;
  /** When this path must stop, ms since the epoch (from the run's deadline). */
  readonly deadlineAt?: number;
  /** Called before every model call; throws when a budget is spent. */
  readonly beforeCall?: () => Promise<void>;
  /** What the run remembers of earlier chat turns, for the first user message. */
  readonly memory?: string | null;
  readonly onToken?: (token: string) => void;
  readonly recorder: (step: number) => ReturnType<typeof stepRecorder>;
}

interface StepVerdict {
  messages: ChatMessage[];
  /** Set when the model made a mistake it must fix (bad arguments, unknown tool, invalid answer). */
  problem: string | null;
  result: AgentResult<unknown> | null;
}

/**
 * Runs the agent as a tool-calling loop over its own tools (through the kit), then takes its
 * `submit_result`. One repair per step: a mistake goes back to the model as text; a second mistake in a row
 * (or no result within the step cap) is a ModelError, and the runner falls back to the next path.
 */
export async function runToolLoop(
  agent: AgentDefinition,
  input: AgentInput,
  kit: AgentKit,
  options: LoopOptions,
): Promise<AgentResult<unknown>> {
  const tools = [...agent.tools.map(toolSpec), submitSpec(agent)];
  const messages: ChatMessage[] = [
    { role: "system", content: options.system },
    { role: "user", content: inputMessage(input, options.memory ?? null) },
  ];
  const where = { agent: agent.id, provider: options.client.provider, model: options.client.model };
  let repairing = false;
  let forceSubmit = false;
  for (let step = 1; step <= options.maxSteps; step += 1) {
    await options.beforeCall?.();
    const recorder = options.recorder(step);
    const last = step === options.maxSteps;
    let verdict: StepVerdict | null = null;
    try {
      const response = await options.client.chat({
        messages: [...messages],
        tools,
        ...(last || forceSubmit ? { toolChoice: SUBMIT_TOOL, structuredOutput: true } : {}),
        ...(options.onToken ? { onToken: options.onToken } : {}),
        ...(options.deadlineAt !== undefined ? { deadlineAt: options.deadlineAt } : {}),
        onAttempt: recorder.onAttempt,
      });
      messages.push({ role: "assistant", content: response.text, toolCalls: response.toolCalls });
      verdict = await judge(agent, kit, response.text, response.toolCalls);
      // A model that answered in text gets its repair as forced tool use (the providers' structured output).
      forceSubmit = response.toolCalls.length === 0;
    } finally {
      const outcome = !verdict?.problem ? "ok" : repairing ? "invalid" : "repaired";
      await recorder.settle(outcome);
    }
    if (verdict.result) return verdict.result;
    messages.push(...verdict.messages);
    if (!verdict.problem) {
      repairing = false;
      continue;
    }
    if (repairing) {
      throw new ModelError(
        "model_output_invalid",
        `${agent.id} on ${options.client.provider}:${options.client.model} repeated a mistake after its repair: ${verdict.problem}`,
        { details: { ...where, step } },
      );
    }
    repairing = true;
  }
  throw new ModelError(
    "model_step_cap",
    `${agent.id} did not hand in a result within ${options.maxSteps} model calls; raise maxSteps or simplify the request.`,
    { details: where },
  );
}

async function judge(
  agent: AgentDefinition,
  kit: AgentKit,
  text: string,
  calls: readonly ToolCall[],
): Promise<StepVerdict> {
  const messages: ChatMessage[] = [];
  const problems: string[] = [];
  if (calls.length === 0) {
    const final = parseFinal(agent, jsonIn(text));
    if (final.ok) return { messages, problem: null, result: final.result };
    const problem = `You answered in text. Call ${SUBMIT_TOOL} with your summary, proposals and artefact.`;
    return { messages: [{ role: "user", content: problem }], problem, result: null };
  }
  let submitted: AgentResult<unknown> | null = null;
  for (const call of calls) {
    const answer = (content: string) =>
      messages.push({ role: "tool", toolCallId: call.id, name: call.name, content });
    if (call.argsError) {
      problems.push(`${call.name}: ${call.argsError}`);
      answer(
        toolError(`Your arguments were not valid JSON (${call.argsError}); call again with valid JSON.`),
      );
    } else if (call.name === SUBMIT_TOOL) {
      const final = parseFinal(agent, call.args);
      if (final.ok) submitted = final.result;
      else {
        problems.push(final.error);
        answer(toolError(final.error));
      }
    } else {
      const tool = agent.tools.find((t) => t.name === call.name);
      if (!tool) {
        const names = agent.tools.map((t) => t.name).join(", ");
        problems.push(`unknown tool ${call.name}`);
        answer(toolError(`There is no tool ${call.name}. Your tools: ${names}, ${SUBMIT_TOOL}.`));
        continue;
      }
      try {
        answer(crmData(`tool:${tool.name}`, await kit.use(tool, call.args as never)));
      } catch (error) {
        if (isGraphBubbleUp(error) || !(error instanceof ToolError)) throw error;
        if (error.code === "tool_input_invalid") problems.push(error.message);
        answer(toolError(error.message));
      }
    }
  }
  if (submitted && problems.length === 0) return { messages, problem: null, result: submitted };
  return { messages, problem: problems.length > 0 ? problems.join("; ") : null, result: null };
}

function parseFinal(
  agent: AgentDefinition,
  args: unknown,
): { ok: true; result: AgentResult<unknown> } | { ok: false; error: string } {
  const parsed = finalOutputSchema(agent).safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(result)"}: ${i.message}`);
    return {
      ok: false,
      error: `${SUBMIT_TOOL} was invalid: ${issues.slice(0, 8).join("; ")}. Fix and call it again.`,
    };
  }
  // Return what the model proposed as it proposed it: the graph validates and guards it again.
  const raw = args as { summary: string; proposals?: unknown[]; artefact: unknown };
  return {
    ok: true,
    result: {
      summary: parsed.data.summary,
      artefact: raw.artefact,
      proposals: (raw.proposals ?? []) as AgentResult<unknown>["proposals"],
      handoffs: parsed.data.handoffs,
    },
  };
}

function jsonIn(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
}
