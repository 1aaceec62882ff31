import { randomUUID } from "node:crypto";
import { type BaseCheckpointSaver, Command, Overwrite } from "@langchain/langgraph";
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
import { eventRequestKey, threadForEvent } from "../graph/request.ts";
import type { GraphStateValue } from "../graph/state.ts";
import type { Store } from "../store/db.ts";
import { approvalsOfRun, decideApproval, getApproval } from "../store/repos/approvals.ts";
import { appendEvents } from "../store/repos/events.ts";
import { createRun, getRun, type RunRow, setRunStatus, unfinishedRuns } from "../store/repos/runs.ts";
import { emptyOutcome, outcomeFromState, type RunOutcome } from "./outcome.ts";

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

  constructor(options: OrchestratorOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.maxCascade = options.maxCascade ?? 3;
    this.onStep = options.onStep;
    const deps: GraphDeps = {
      db: options.store.db,
      logger: options.logger,
      agents: options.agents,
      runAgent: options.runAgent ?? ((agent, input, kit) => agent.playbook(input, kit)),
      routeChat: options.routeChat,
      conflictPolicy: options.conflictPolicy ?? DEFAULT_CONFLICT_POLICY,
      approvalPolicy: options.approvalPolicy ?? DEFAULT_APPROVAL_POLICY,
      leaseTtlMs: 10 * 60_000,
      hopCap: 8,
    };
    this.graph = buildGraph(deps, options.checkpointer);
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
    const all = await approvalsOfRun(this.store.db, row.run_id);
    const waiting = all.filter((a) => a.status === "pending").length;
    if (waiting > 0) return { outcome: null, waiting };
    const verdicts = all.map((a) => ({
      approvalId: a.id,
      verdict: a.status === "approved" ? "approve" : a.status === "edited" ? "edit" : "reject",
      by: a.decided_by ?? "operator",
      note: a.decision_note,
      ...(a.edit ? { edit: JSON.parse(a.edit) } : {}),
    }));
    return { outcome: await this.resume(row.run_id, { verdicts }), waiting: 0 };
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

  /** Finds runs that never finished (a crash, a kill) and resumes each from its last checkpoint. */
  async resumeUnfinished(): Promise<RunOutcome[]> {
    const outcomes: RunOutcome[] = [];
    for (const run of await unfinishedRuns(this.store.db)) {
      outcomes.push(await this.onThread(run.thread_id, () => this.execute(run, null, 0)));
    }
    return outcomes;
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
    const outcome = await this.onThread(run.thread_id, () => this.execute(run, null, options.depth ?? 0));
    return outcome;
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
      return this.finish(run, current as GraphStateValue, []);
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

    await setRunStatus(this.store.db, run.id, "running", this.clock());
    let state: GraphStateValue | undefined;
    const stream = await this.graph.stream(input as never, {
      ...config,
      durability: "sync",
      streamMode: ["updates", "values"],
    });
    for await (const [mode, chunk] of stream as AsyncIterable<[string, Record<string, unknown>]>) {
      // At an interrupt the values stream yields `{ __interrupt__ }`, not the state: keep the last real state.
      if (mode === "values") {
        if (!("__interrupt__" in chunk)) state = chunk as unknown as GraphStateValue;
      } else
        for (const node of Object.keys(chunk))
          if (node !== "__interrupt__") this.onStep?.({ runId: run.id, node });
    }
    const pending = await this.pendingOf(run.thread_id);
    const finalState = state ?? ((await this.graph.getState(config)).values as GraphStateValue);
    const outcome = await this.finish(run, finalState, pending);
    if (outcome.status === "completed" && depth < this.maxCascade)
      await this.cascade(outcome, finalState, depth);
    return outcome;
  }

  private async finish(run: RunRow, state: GraphStateValue, pending: PendingApproval[]): Promise<RunOutcome> {
    const status = pending.length > 0 ? "waiting_approval" : "completed";
    const outcome = outcomeFromState(state, status, pending);
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
