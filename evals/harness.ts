import pino from "pino";
import type { AgentKit } from "../agents/agent.ts";
import { AGENT_LIST } from "../agents/index.ts";
import type { AgentId } from "../domain/agents.ts";
import { type ConflictPolicy, type ConflictPolicyInput, conflictPolicy } from "../domain/conflicts/index.ts";
import type { ApprovalPolicy } from "../graph/approval-policy.ts";
import { matcherChatRouter } from "../graph/chat-router.ts";
import { createCheckpointer } from "../graph/checkpointer.ts";
import type { AgentRunner, ChatRouter } from "../graph/deps.ts";
import { createOrchestrator } from "../runtime/app.ts";
import type { Orchestrator } from "../runtime/orchestrator.ts";
import type { RunOutcome } from "../runtime/outcome.ts";
import { openStore, type Store } from "../store/db.ts";
import { llmCallsOfRun } from "../store/repos/llm-calls.ts";
import { countOutboxByType } from "../store/repos/outbox.ts";
import { seedCaseFixture } from "./fixtures/index.ts";
import type { EvalCase, EvalRequest } from "./schema.ts";
import { routingTrainSplit } from "./train-split.ts";

/** One tool call an agent made through its kit, in the order the agent made them. */
export interface ObservedToolCall {
  agent: AgentId;
  tool: string;
  args: unknown;
}

/** What one agent returned, as captured around the runner. */
export interface ObservedAgentResult {
  agent: AgentId;
  artefact: unknown;
  proposals: unknown[];
}

/** Everything a scorer may look at after one case ran. */
export interface Observation {
  status: RunOutcome["status"];
  route: AgentId[];
  /** The agents the chat router picked for the scored request, primary first (empty for events and plays). */
  firstHop: AgentId[];
  decisions: RunOutcome["decisions"];
  errors: RunOutcome["errors"];
  answer: string | null;
  /** Tool calls grouped by agent, agents in route order. */
  toolCalls: ObservedToolCall[];
  results: ObservedAgentResult[];
  /** Outbox rows the scored request created, its approvals and cascades included. */
  executedEffects: number;
  /** Approvals the harness approved on a person's behalf. */
  approved: number;
  tokens: { input: number; output: number };
  costUsd: number;
  llmCalls: number;
}

/** How agents and chat are driven: the playbooks and the matcher by default, or a model (see model-mode.ts). */
export interface HarnessMode {
  readonly name: string;
  /** Builds the runner and router for one case's store; undefined parts keep the defaults. */
  build(store: Store): { runAgent?: AgentRunner; routeChat?: ChatRouter };
  /** Model calls that found no recording in replay-strict (the agents fell back); any fails the eval. */
  replayMisses?(): readonly Error[];
}

/** The offline mode: deterministic playbooks and the intent matcher. */
export const PLAYBOOK_MODE: HarnessMode = { name: "playbook", build: () => ({}) };

/** What a caller may swap to run a case: the mode, plus faults planted on purpose by tests. */
export interface HarnessOptions {
  mode?: HarnessMode;
  /** Replaces the chat router (e.g. a broken one, to prove the gate catches it). */
  routeChat?: ChatRouter;
  /** Replaces the conflict policy of every case (a case's own override is applied on top). */
  conflictPolicy?: ConflictPolicy;
  approvalPolicy?: ApprovalPolicy;
}

const silent = pino({ level: "silent" });

/** Runs one case in its own in-memory store on its fixed clock and observes what happened. */
export async function runCase(c: EvalCase, options: HarnessOptions = {}): Promise<Observation> {
  const store = await openStore(":memory:");
  try {
    const now = new Date(c.now);
    await seedCaseFixture(store, c.fixture, now);
    const mode = options.mode ?? PLAYBOOK_MODE;
    const built = mode.build(store);
    const calls: ObservedToolCall[] = [];
    const results: ObservedAgentResult[] = [];
    const base: AgentRunner = built.runAgent ?? ((agent, input, kit) => agent.playbook(input, kit));
    const runAgent: AgentRunner = async (agent, input, kit) => {
      const result = await base(agent, input, recordingKit(kit, agent.id, calls));
      results.push({ agent: agent.id, artefact: result.artefact, proposals: result.proposals });
      return result;
    };
    const policy = casePolicy(c, options.conflictPolicy);
    const router: ChatRouter =
      options.routeChat ?? built.routeChat ?? matcherChatRouter(AGENT_LIST, routingTrainSplit());
    let firstHop: AgentId[] = [];
    const routeChat: ChatRouter = async (text) => {
      const routed = await router(text);
      firstHop = [...routed.agents];
      return routed;
    };
    const orchestrator = createOrchestrator(store, silent, {
      clock: () => now,
      checkpointer: createCheckpointer({ kind: "memory" }),
      routeChat,
      runAgent,
      ...(policy ? { conflictPolicy: policy } : {}),
      ...(options.approvalPolicy ? { approvalPolicy: options.approvalPolicy } : {}),
    });
    for (const [i, request] of c.setup.entries()) {
      await approveAll(orchestrator, await submit(orchestrator, request, now, `setup-${i}`));
    }
    calls.length = 0;
    results.length = 0;
    firstHop = [];
    const before = await outboxTotal(store);
    let outcome = await submit(orchestrator, c.request, now, "case");
    let approved = 0;
    if (c.suite === "policy" && c.approve === "all" && outcome.status === "waiting_approval") {
      approved = outcome.pendingApprovals.length;
      outcome = await approveAll(orchestrator, outcome);
    }
    const ledger = await llmCallsOfRun(store.db, outcome.runId);
    const order = new Map(outcome.route.map((agent, i) => [agent, i]));
    const rank = (agent: AgentId) => order.get(agent) ?? Number.MAX_SAFE_INTEGER;
    return {
      status: outcome.status,
      route: outcome.route,
      firstHop,
      decisions: outcome.decisions,
      errors: outcome.errors,
      answer: outcome.answer,
      // Parallel agents interleave their calls; grouping by agent (stable inside one) keeps runs comparable.
      toolCalls: calls
        .map((call, i) => ({ call, i }))
        .sort((a, b) => rank(a.call.agent) - rank(b.call.agent) || a.i - b.i)
        .map((x) => x.call),
      results: [...results].sort((a, b) => rank(a.agent) - rank(b.agent)),
      executedEffects: (await outboxTotal(store)) - before,
      approved,
      tokens: {
        input: ledger.reduce((s, r) => s + r.input_tokens, 0),
        output: ledger.reduce((s, r) => s + r.output_tokens, 0),
      },
      costUsd: ledger.reduce((s, r) => s + (r.cost_usd ?? 0), 0),
      llmCalls: ledger.length,
    };
  } finally {
    await store.close();
  }
}

function casePolicy(c: EvalCase, planted: ConflictPolicy | undefined): ConflictPolicy | undefined {
  if (!c.conflictPolicy) return planted;
  const input = c.conflictPolicy as ConflictPolicyInput;
  return conflictPolicy({
    ...(planted ? { dedupeWindowMs: planted.dedupeWindowMs, caps: planted.caps } : {}),
    ...input,
  });
}

/** Wraps an agent's kit so every tool call is recorded before it runs; behaviour is unchanged. */
function recordingKit(kit: AgentKit, agent: AgentId, calls: ObservedToolCall[]): AgentKit {
  return {
    now: kit.now,
    use(tool, input) {
      calls.push({ agent, tool: tool.name, args: structuredClone(input) });
      return kit.use(tool, input);
    },
  };
}

function submit(
  orchestrator: Orchestrator,
  request: EvalRequest,
  now: Date,
  key: string,
): Promise<RunOutcome> {
  switch (request.kind) {
    case "chat":
      return orchestrator.chat(request.text, `eval-${key}`, { at: now });
    case "event":
      return orchestrator.submitEvent(request.event, { at: now });
    case "play":
      return orchestrator.play(request.play, { at: now, runKey: key });
  }
}

/** Approves every pending approval of a run, as a person who says yes to everything would. */
async function approveAll(orchestrator: Orchestrator, outcome: RunOutcome): Promise<RunOutcome> {
  let last = outcome;
  for (const pending of outcome.pendingApprovals) {
    const { outcome: resumed } = await orchestrator.decide(pending.approvalId, {
      verdict: "approve",
      by: "eval",
    });
    if (resumed) last = resumed;
  }
  return last;
}

async function outboxTotal(store: Store): Promise<number> {
  return Object.values(await countOutboxByType(store.db)).reduce((s, n) => s + n, 0);
}
