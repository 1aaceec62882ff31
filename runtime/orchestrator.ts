import { randomUUID } from "node:crypto";
import {
  type BaseCheckpointSaver,
  Command,
  RunControl as GraphRunControl,
  isGraphDrained,
  Overwrite,
} from "@langchain/langgraph";
import type { Logger } from "pino";
import type { AgentDefinition } from "../agents/agent.ts";
import type { AgentId } from "../domain/agents.ts";
import { type ConflictPolicy, DEFAULT_CONFLICT_POLICY } from "../domain/conflicts/index.ts";
import { UserError } from "../domain/errors.ts";
import { describeIssues, type GrowthEvent, validateEvent } from "../domain/events.ts";
import {
  type ApprovalInterrupt,
  ApprovalResume,
  ApprovalVerdict,
  type PendingApproval,
} from "../graph/approval-gate.ts";
import { type ApprovalPolicy, DEFAULT_APPROVAL_POLICY } from "../graph/approval-policy.ts";
import { buildGraph, type OrchestratorGraph } from "../graph/build.ts";
import type { AgentRunner, ChatRouter, GraphDeps } from "../graph/deps.ts";
import { leaseHolder } from "../graph/effects.ts";
import { eventRequestKey, threadForEvent } from "../graph/request.ts";
import type { GraphStateValue } from "../graph/state.ts";
import type { Store } from "../store/db.ts";
import { approvalsOfRun, decideApproval, getApproval } from "../store/repos/approvals.ts";
import { closeDeadLetter, getDeadLetter } from "../store/repos/dead-letters.ts";
import { appendEvents } from "../store/repos/events.ts";
import { releaseLeases } from "../store/repos/leases.ts";
import {
  createRun,
  decidedWaitingRuns,
  getRun,
  type RunRow,
  setRunStatus,
  unfinishedRuns,
} from "../store/repos/runs.ts";
import { emptyOutcome, outcomeFromState, type RunOutcome } from "./outcome.ts";
import { AgentGuard, type AgentHealth } from "./reliability/agent-guard.ts";
import type { RunControl } from "./run-control.ts";

/** Options for the orchestrator; everything but the store, logger and agents has a sensible default. */
export interface OrchestratorOptions {
  store: Store;
  logger: Logger;
  checkpointer: BaseCheckpointSaver;
  agents: Readonly<Record<AgentId, AgentDefinition>>;
  routeChat: ChatRouter;
  runAgent?: AgentRunner;
  conflictPolicy?: ConflictPolicy;
  approvalPolicy?: ApprovalPolicy;
  clock?: () => Date;
  /** How deep follow-up events may cascade from one request. */
  maxCascade?: number;
  /** Called with each node's name as a run progresses. */
  onStep?: (step: { runId: string; node: string }) => void;
  /** Graceful shutdown: once it drains, runs stop at a superstep boundary and new ones wait. */
  control?: RunControl;
  /** Bulkhead, breaker and retry budget per agent around the agent runner; one is made when absent. */
  agentGuard?: AgentGuard;
}

/** Per-request options. */
export interface SubmitOptions {
  dryRun?: boolean;
  /** The run's clock; defaults to now. Fixed for the whole run, so a resume decides the same way. */
  at?: Date;
  causationId?: string;
  correlationId?: string;
  depth?: number;
}

type Request = GraphStateValue["request"];

/** Accepts requests, persists them before running, runs one thread at a time, and resumes after approval. */
export class Orchestrator {
  readonly graph: OrchestratorGraph;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly maxCascade: number;
  private readonly onStep?: OrchestratorOptions["onStep"];
  private readonly threads = new Map<string, Promise<unknown>>();
  private readonly control?: RunControl;
  private readonly agentGuard: AgentGuard;
  private readonly agents: OrchestratorOptions["agents"];

  constructor(options: OrchestratorOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.maxCascade = options.maxCascade ?? 3;
    this.onStep = options.onStep;
    this.control = options.control;
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
    };
    this.graph = buildGraph(deps, options.checkpointer, { yieldToSignals: this.control !== undefined });
  }

  /** Validates an event at the boundary; a bad one is refused with one line per wrong field. */
  static parseEvent(raw: unknown): GrowthEvent {
    const result = validateEvent(raw);
    if (!result.ok) {
      throw new UserError("event_invalid", `The event is invalid:\n  ${result.issues.join("\n  ")}`, {
        details: { issues: result.issues },
      });
    }
    return result.event;
  }

  /** Accepts one event: persisted before it runs; a duplicate delivery returns the earlier run instead. */
  async submitEvent(raw: unknown, options: SubmitOptions = {}): Promise<RunOutcome> {
    const event = Orchestrator.parseEvent(raw);
    const requestKey = `${options.dryRun ? "dry:" : ""}${eventRequestKey(event)}`;
    return this.submit(
      { kind: "event", eventId: "", event },
      {
        threadId: threadForEvent(event),
        requestKey,
        correlationId: options.correlationId ?? event.correlation_id ?? randomUUID(),
        entity: { type: event.entity_type, id: event.entity_id },
      },
      options,
    );
  }

  /** One chat turn on a conversation thread. */
  async chat(text: string, conversationId: string, options: SubmitOptions = {}): Promise<RunOutcome> {
    const trimmed = text.trim();
    if (!trimmed)
      throw new UserError("chat_empty", 'Say what you need, e.g. "who should we chase this week?"');
    if (trimmed.length > 4_000)
      throw new UserError("chat_too_long", "Keep a request under 4,000 characters.");
    const turn = randomUUID();
    return this.submit(
      { kind: "chat", text: trimmed },
      {
        threadId: `chat:${conversationId}`,
        requestKey: `chat:${conversationId}:${turn}`,
        correlationId: options.correlationId ?? turn,
        entity: { type: "conversation", id: conversationId },
      },
      options,
    );
  }

  /** One run of a scheduled play, on its own thread. */
  async play(name: string, options: SubmitOptions & { runKey?: string } = {}): Promise<RunOutcome> {
    const key = options.runKey ?? randomUUID();
    return this.submit(
      { kind: "play", play: name },
      {
        threadId: `play:${name}:${key}`,
        requestKey: `${options.dryRun ? "dry:" : ""}play:${name}:${key}`,
        correlationId: options.correlationId ?? key,
        entity: { type: "play", id: name },
      },
      options,
    );
  }

  /** Resumes a run stopped at the approval gate with a person's verdicts, then runs what queued behind it. */
  async resume(runId: string, answer: unknown): Promise<RunOutcome> {
    const run = await getRun(this.store.db, runId);
    if (!run) throw new UserError("run_unknown", `There is no run ${runId}; list runs with \`growth runs\`.`);
    if (run.status !== "waiting_approval") {
      throw new UserError("run_not_waiting", `Run ${runId} is ${run.status}, not waiting for approval.`);
    }
    const parsed = ApprovalResume.safeParse(answer);
    if (!parsed.success) {
      throw new UserError(
        "resume_invalid",
        `The approval answer is invalid:\n  ${describeIssues(parsed.error).join("\n  ")}`,
      );
    }
    const pending = await this.pendingOf(run.thread_id);
    const known = new Set(pending.map((p) => p.approvalId));
    const unknown = parsed.data.verdicts.filter((v) => !known.has(v.approvalId));
    if (unknown.length > 0) {
      throw new UserError(
        "approval_unknown",
        `Run ${runId} has no pending approval ${unknown.map((v) => v.approvalId).join(", ")}; pending: ${[...known].join(", ")}.`,
      );
    }
    const outcome = await this.onThread(run.thread_id, () =>
      this.execute(run, new Command({ resume: parsed.data }), Number.POSITIVE_INFINITY),
    );
    await this.drainQueued(run.thread_id);
    return outcome;
  }

  /**
   * Records a person's verdict on one approval; once every approval of the run has one, the run resumes.
   * Returns the resumed run's outcome, or null while other approvals of the run still wait.
   */
  async decide(id: string, raw: unknown): Promise<{ outcome: RunOutcome | null; waiting: number }> {
    const row = await getApproval(this.store.db, id);
    if (!row)
      throw new UserError(
        "approval_unknown",
        `There is no approval ${id}; list them with \`growth approvals\`.`,
      );
    if (row.status !== "pending") {
      throw new UserError(
        "approval_decided",
        `Approval ${id} was already ${row.status} by ${row.decided_by ?? "someone"}.`,
      );
    }
    const parsed = ApprovalVerdict.safeParse({ ...(raw as object), approvalId: id });
    if (!parsed.success) {
      throw new UserError(
        "verdict_invalid",
        `The verdict is invalid:\n  ${describeIssues(parsed.error).join("\n  ")}`,
      );
    }
    const verdict = parsed.data;
    if (verdict.verdict === "edit" && !verdict.edit) {
      throw new UserError(
        "edit_empty",
        "An edit needs at least one change: --subject, --body, --discount or --terms.",
      );
    }
    const status =
      verdict.verdict === "approve" ? "approved" : verdict.verdict === "reject" ? "rejected" : "edited";
    await decideApproval(this.store.db, id, {
      status,
      by: verdict.by,
      note: verdict.note,
      edit: verdict.edit,
      at: this.clock(),
    });
    const outcome = await this.resumeDecided(row.run_id);
    if (!outcome) {
      const all = await approvalsOfRun(this.store.db, row.run_id);
      return { outcome: null, waiting: all.filter((a) => a.status === "pending").length };
    }
    return { outcome, waiting: 0 };
  }

  /** Resumes a run with its recorded verdicts once none is pending; null while some still wait. */
  private async resumeDecided(runId: string): Promise<RunOutcome | null> {
    const all = await approvalsOfRun(this.store.db, runId);
    if (all.length === 0 || all.some((a) => a.status === "pending")) return null;
    const verdicts = all.map((a) => ({
      approvalId: a.id,
      verdict: a.status === "approved" ? "approve" : a.status === "edited" ? "edit" : "reject",
      by: a.decided_by ?? "operator",
      note: a.decision_note,
      ...(a.edit ? { edit: JSON.parse(a.edit) } : {}),
    }));
    return this.resume(runId, { verdicts });
  }

  /** The approvals a thread is stopped on, if any. */
  async pendingOf(threadId: string): Promise<PendingApproval[]> {
    const snapshot = await this.graph.getState({ configurable: { thread_id: threadId } });
    return snapshot.tasks.flatMap((task) =>
      task.interrupts.flatMap(
        (i) => ((i.value as ApprovalInterrupt | undefined)?.approvals ?? []) as PendingApproval[],
      ),
    );
  }

  /**
   * Finds runs that never finished (a crash, a kill, a drain) and resumes each from its last checkpoint,
   * including runs whose approvals were all decided but which died before they resumed.
   */
  async resumeUnfinished(): Promise<RunOutcome[]> {
    const outcomes: RunOutcome[] = [];
    for (const run of await unfinishedRuns(this.store.db)) {
      if (this.control?.draining) break;
      let outcome = await this.onThread(run.thread_id, () => this.execute(run, null, 0));
      if (outcome.status === "waiting_approval") outcome = (await this.resumeDecided(run.id)) ?? outcome;
      outcomes.push(outcome);
    }
    for (const run of await decidedWaitingRuns(this.store.db)) {
      if (this.control?.draining) break;
      const outcome = await this.resumeDecided(run.id);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
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
    const letter = await getDeadLetter(this.store.db, deadLetterId);
    if (!letter) {
      throw new UserError(
        "dead_letter_unknown",
        `There is no dead letter ${deadLetterId}; see \`growth dlq list\`.`,
      );
    }
    if (letter.status !== "open") {
      throw new UserError("dead_letter_closed", `Dead letter ${deadLetterId} was already ${letter.status}.`);
    }
    const run = await getRun(this.store.db, letter.run_id);
    const request = JSON.parse(letter.event) as Request;
    const now = this.clock();
    if (!(await closeDeadLetter(this.store.db, deadLetterId, "redriven", now))) {
      throw new UserError("dead_letter_closed", `Dead letter ${deadLetterId} was handled by someone else.`);
    }
    const entity =
      request.kind === "event"
        ? { type: request.event.entity_type, id: request.event.entity_id }
        : request.kind === "play"
          ? { type: "play", id: request.play }
          : { type: "conversation", id: letter.thread_id };
    return this.submit(
      request.kind === "event" ? { ...request, eventId: "" } : request,
      {
        threadId: letter.thread_id,
        requestKey: `redrive:${deadLetterId}`,
        correlationId: letter.correlation_id,
        entity,
      },
      { causationId: `dead-letter:${deadLetterId}`, dryRun: run?.dry_run === 1 },
    );
  }

  private async submit(
    request: Request,
    ids: {
      threadId: string;
      requestKey: string;
      correlationId: string;
      entity: { type: string; id: string };
    },
    options: SubmitOptions,
  ): Promise<RunOutcome> {
    const runId = randomUUID();
    const at = options.at ?? this.clock();
    const eventId = `${runId}:accepted`;
    const stored = request.kind === "event" ? { ...request, eventId } : request;
    // Accept = persist the run and its request in one transaction, before anything runs.
    const { run, created } = await this.store.db.transaction().execute(async (trx) => {
      const result = await createRun(trx, {
        id: runId,
        threadId: ids.threadId,
        kind: request.kind,
        correlationId: ids.correlationId,
        requestKey: ids.requestKey,
        status: "queued",
        request: stored,
        dryRun: options.dryRun ?? false,
        at,
      });
      if (result.created) {
        await appendEvents(trx, [
          {
            id: eventId,
            type: request.kind === "event" ? request.event.event_type : `${request.kind}_requested`,
            entityType: ids.entity.type,
            entityId: ids.entity.id,
            correlationId: ids.correlationId,
            causationId: options.causationId ?? null,
            source: request.kind === "event" ? request.event.source_agent : request.kind,
            payload: { request: stored, runId, threadId: ids.threadId, dryRun: options.dryRun ?? false },
            occurredAt: at,
          },
        ]);
      }
      return result;
    });
    if (!created) {
      return emptyOutcome(
        { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id },
        "duplicate",
        run.id,
        `Already handled: this request was accepted before as run ${run.id} (${run.status}); nothing was started again.`,
      );
    }
    if (this.control?.draining) return this.parked(run, "a shutdown is draining");
    return this.onThread(run.thread_id, () => this.execute(run, null, options.depth ?? 0));
  }

  /** Leaves a run to the next start: queued (so `growth resume` finds it), its leases released. */
  private async parked(run: RunRow, why: string): Promise<RunOutcome> {
    await setRunStatus(this.store.db, run.id, "queued", this.clock());
    await releaseLeases(this.store.db, leaseHolder(run.id));
    return emptyOutcome(
      { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id },
      "queued",
      null,
      `Stopped at a checkpoint because ${why}; the next start (or \`growth resume\`) finishes it.`,
    );
  }

  /** Runs (or resumes) one run on its thread; the caller holds the thread. */
  private async execute(run: RunRow, resume: Command | null, depth: number): Promise<RunOutcome> {
    const config = { configurable: { thread_id: run.thread_id } };
    const ids = { runId: run.id, threadId: run.thread_id, correlationId: run.correlation_id };
    const snapshot = await this.graph.getState(config);
    const current = snapshot.values as Partial<GraphStateValue>;
    const ownsCheckpoint = current.run?.runId === run.id;
    const interrupted = snapshot.tasks.some((t) => t.interrupts.length > 0);

    let input: unknown;
    if (resume) {
      input = resume;
    } else if (ownsCheckpoint && snapshot.next.length > 0) {
      if (interrupted)
        return this.finish(run, current as GraphStateValue, await this.pendingOf(run.thread_id));
      input = null; // crashed mid-run: continue from the last checkpoint
    } else if (ownsCheckpoint) {
      // Died after the last checkpoint but before it was recorded as finished.
      return this.complete(run, current as GraphStateValue, [], depth);
    } else if (interrupted) {
      await setRunStatus(this.store.db, run.id, "queued", this.clock());
      return emptyOutcome(
        ids,
        "queued",
        null,
        `Queued: ${run.thread_id} is waiting on an approval; this request runs after it is decided.`,
      );
    } else {
      input = initialInput(run);
    }

    if (this.control?.draining) return this.parked(run, "a shutdown is draining");
    await setRunStatus(this.store.db, run.id, "running", this.clock());
    let state: GraphStateValue | undefined;
    // LangGraph's own RunControl stops the run at the next superstep boundary once our drain is asked for.
    const runControl = new GraphRunControl();
    const stopListening = this.control?.onDrain((reason) => runControl.requestDrain(reason));
    try {
      const stream = await this.graph.stream(input as never, {
        ...config,
        durability: "sync",
        streamMode: ["updates", "values"],
        control: runControl,
      });
      for await (const [mode, chunk] of stream as AsyncIterable<[string, Record<string, unknown>]>) {
        // At an interrupt the values stream yields `{ __interrupt__ }`, not the state: keep the last real state.
        if (mode === "values") {
          if (!("__interrupt__" in chunk)) state = chunk as unknown as GraphStateValue;
        } else
          for (const node of Object.keys(chunk))
            if (node !== "__interrupt__") this.onStep?.({ runId: run.id, node });
      }
    } catch (error) {
      // Drained at a superstep boundary: the checkpoint is saved and the next start resumes from it.
      if (isGraphDrained(error)) return this.parked(run, "a shutdown is draining");
      throw error;
    } finally {
      stopListening?.();
    }
    const pending = await this.pendingOf(run.thread_id);
    const finalState = state ?? ((await this.graph.getState(config)).values as GraphStateValue);
    return this.complete(run, finalState, pending, depth);
  }

  /** Records where a run ended; a completed run first submits its follow-ups, so a crash repeats none. */
  private async complete(
    run: RunRow,
    state: GraphStateValue,
    pending: PendingApproval[],
    depth: number,
  ): Promise<RunOutcome> {
    if (pending.length === 0 && depth < this.maxCascade) {
      // Follow-up keys are content hashes: submitting again after a crash is a recorded duplicate.
      await this.cascade(outcomeFromState(state, "completed", []), state, depth);
    }
    return this.finish(run, state, pending);
  }

  private async finish(run: RunRow, state: GraphStateValue, pending: PendingApproval[]): Promise<RunOutcome> {
    // A run a step of which was dead-lettered is finished but failed: `growth runs --status failed` and
    // `growth dlq` find it, and redrive can run it again.
    const deadLettered = (state.errors ?? []).some((e) => e.deadLetterId !== null);
    const status = pending.length > 0 ? "waiting_approval" : deadLettered ? "failed" : "completed";
    const outcome = outcomeFromState(state, status, pending);
    if (status !== "waiting_approval") {
      await appendEvents(this.store.db, [
        {
          id: `${run.id}:finished`,
          type: status === "failed" ? "run_failed" : "run_completed",
          entityType: "run",
          entityId: run.id,
          correlationId: run.correlation_id,
          causationId: `${run.id}:accepted`,
          source: "orchestrator",
          payload: {
            effects: outcome.effects.filter((e) => e.status === "executed").length,
            errors: outcome.errors.map((e) => e.code),
          },
          occurredAt: new Date(state.run?.now ?? run.started_at),
        },
      ]);
    }
    await setRunStatus(this.store.db, run.id, status, this.clock(), {
      route: outcome.route,
      decisions: outcome.decisions.length,
      effects: outcome.effects.filter((e) => e.status === "executed").length,
      pending: pending.length,
      errors: outcome.errors.length,
    });
    return outcome;
  }

  /** Submits the follow-up events a run emitted, as new runs caused by it. */
  private async cascade(outcome: RunOutcome, state: GraphStateValue, depth: number): Promise<void> {
    for (const event of outcome.followUps) {
      try {
        await this.submitEvent(event, {
          causationId: state.run.requestEventId,
          correlationId: state.run.correlationId,
          dryRun: state.run.dryRun,
          at: new Date(state.run.now),
          depth: depth + 1,
        });
      } catch (error) {
        this.logger.warn({ runId: outcome.runId, err: error }, "a follow-up event was refused");
      }
    }
  }

  /** Runs queued behind an approval on this thread, in arrival order. */
  private async drainQueued(threadId: string): Promise<void> {
    for (const run of await unfinishedRuns(this.store.db)) {
      if (run.thread_id !== threadId) continue;
      const outcome = await this.onThread(threadId, () => this.execute(run, null, 0));
      if (outcome.status === "waiting_approval") break;
    }
  }

  /** Serialises work per thread inside this process: one account's runs never overlap. */
  private onThread<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.threads.get(threadId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.threads.set(threadId, settled);
    void settled.then(() => {
      if (this.threads.get(threadId) === settled) this.threads.delete(threadId);
    });
    return next;
  }
}

/** The input that starts a run: every per-run field reset, since the thread keeps the last run's state. */
export function initialInput(run: RunRow): Record<string, unknown> {
  const request = JSON.parse(run.request) as Request;
  return {
    run: {
      runId: run.id,
      threadId: run.thread_id,
      correlationId: run.correlation_id,
      requestEventId: `${run.id}:accepted`,
      now: run.started_at,
      dryRun: run.dry_run === 1,
    },
    request,
    route: new Overwrite([]),
    handoffs: new Overwrite([]),
    hops: 0,
    artefacts: new Overwrite({}),
    summaries: new Overwrite([]),
    proposals: new Overwrite([]),
    decisions: [],
    effects: [],
    followUps: new Overwrite([]),
    errors: new Overwrite([]),
    answer: null,
  };
}
