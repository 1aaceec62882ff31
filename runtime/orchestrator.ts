import { DEFAULT_CONFLICT_POLICY } from "../domain/conflicts/index.ts";
import type { GrowthEvent } from "../domain/events.ts";
import type { PendingApproval } from "../graph/approval-gate.ts";
import { DEFAULT_APPROVAL_POLICY } from "../graph/approval-policy.ts";
import { buildGraph, type OrchestratorGraph } from "../graph/build.ts";
import type { GraphDeps } from "../graph/deps.ts";
import { decideOne, resumeRun } from "./orchestrator/approvals.ts";
import type { OrchestratorContext } from "./orchestrator/context.ts";
import { executeQueued } from "./orchestrator/dispatch.ts";
import { pendingOf } from "./orchestrator/execution.ts";
import { parseEvent, submitChat, submitEvent, submitPlay } from "./orchestrator/intake.ts";
import type { OrchestratorOptions, SubmitOptions } from "./orchestrator/options.ts";
import { redrive, resumeUnfinished } from "./orchestrator/recovery.ts";
import { ThreadQueue } from "./orchestrator/thread-queue.ts";
import type { RunOutcome } from "./outcome.ts";
import { RunOwner } from "./ownership/index.ts";
import { AgentGuard, type AgentHealth } from "./reliability/agent-guard.ts";

export { initialInput } from "./orchestrator/execution.ts";
export type { OrchestratorOptions, SubmitOptions } from "./orchestrator/options.ts";

/** Accepts requests, persists them before running, runs one thread at a time, and resumes after approval. */
export class Orchestrator {
  readonly graph: OrchestratorGraph;
  private readonly ctx: OrchestratorContext;
  private readonly agentGuard: AgentGuard;
  private readonly agents: OrchestratorOptions["agents"];

  constructor(options: OrchestratorOptions) {
    this.agents = options.agents;
    this.agentGuard = options.agentGuard ?? new AgentGuard();
    const deps: GraphDeps = {
      db: options.store.db,
      logger: options.logger,
      agents: options.agents,
      runAgent: this.agentGuard.wrap(options.runAgent ?? ((agent, input, kit) => agent.playbook(input, kit))),
      routeChat: options.routeChat,
      conflictPolicy: options.conflictPolicy ?? DEFAULT_CONFLICT_POLICY,
      approvalPolicy: options.approvalPolicy ?? DEFAULT_APPROVAL_POLICY,
      leaseTtlMs: 10 * 60_000,
      hopCap: 8,
      agentTimeoutMs: options.agentTimeoutMs ?? 120_000,
      ...(options.telemetry ? { telemetry: options.telemetry } : {}),
    };
    this.graph = buildGraph(deps, options.checkpointer, { yieldToSignals: options.control !== undefined });
    this.ctx = {
      store: options.store,
      logger: options.logger,
      graph: this.graph,
      clock: options.clock ?? (() => new Date()),
      maxCascade: options.maxCascade ?? 3,
      onStep: options.onStep,
      onValues: options.onValues,
      control: options.control,
      threads: new ThreadQueue(),
      queue: options.queue,
      owner: options.owner ?? new RunOwner(options.store.db, { logger: options.logger }),
      submitEvent: (raw, submitOptions) => this.submitEvent(raw, submitOptions),
    };
  }

  /** Validates an event at the boundary; a bad one is refused with one line per wrong field. */
  static parseEvent(raw: unknown): GrowthEvent {
    return parseEvent(raw);
  }

  /** Accepts one event: persisted before it runs; a duplicate delivery returns the earlier run instead. */
  async submitEvent(raw: unknown, options: SubmitOptions = {}): Promise<RunOutcome> {
    return submitEvent(this.ctx, raw, options);
  }

  /** One chat turn on a conversation thread. */
  async chat(text: string, conversationId: string, options: SubmitOptions = {}): Promise<RunOutcome> {
    return submitChat(this.ctx, text, conversationId, options);
  }

  /** One run of a scheduled play, on its own thread. */
  async play(name: string, options: SubmitOptions & { runKey?: string } = {}): Promise<RunOutcome> {
    return submitPlay(this.ctx, name, options);
  }

  /** Resumes a run stopped at the approval gate with a person's verdicts, then runs what queued behind it. */
  async resume(runId: string, answer: unknown): Promise<RunOutcome> {
    return resumeRun(this.ctx, runId, answer);
  }

  /**
   * Records a person's verdict on one approval; once every approval of the run has one, the run resumes.
   * Returns the resumed run's outcome, or null while other approvals of the run still wait.
   */
  async decide(id: string, raw: unknown): Promise<{ outcome: RunOutcome | null; waiting: number }> {
    return decideOne(this.ctx, id, raw);
  }

  /** The approvals a thread is stopped on, if any. */
  async pendingOf(threadId: string): Promise<PendingApproval[]> {
    return pendingOf(this.graph, threadId);
  }

  /**
   * Finds runs that never finished (a crash, a kill, a drain) and resumes each from its last checkpoint,
   * including runs whose approvals were all decided but which died before they resumed.
   */
  async resumeUnfinished(): Promise<RunOutcome[]> {
    return resumeUnfinished(this.ctx);
  }

  /**
   * Executes an accepted run a queue handed to this process (a `growth worker`), from its last checkpoint;
   * null when it is no longer queued or running.
   */
  async executeQueued(runId: string, depth = 0): Promise<RunOutcome | null> {
    return executeQueued(this.ctx, runId, depth);
  }

  /** This process's hold on runs (its owner id, lease and heartbeat). */
  get owner(): RunOwner {
    return this.ctx.owner;
  }

  /** Stops heartbeating and releases whatever runs this process still holds (a clean shutdown). */
  async close(): Promise<void> {
    await this.ctx.owner.stop();
  }

  /** Per-agent breaker, retry budget and bulkhead state in this process. */
  health(): AgentHealth[] {
    return this.agentGuard.health(Object.keys(this.agents));
  }

  /**
   * Re-submits a dead letter's request as a new run and marks the letter redriven; a letter that is not
   * open is refused. Returns the new run's outcome.
   */
  async redrive(deadLetterId: string): Promise<RunOutcome> {
    return redrive(this.ctx, deadLetterId);
  }
}
