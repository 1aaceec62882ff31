import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Store } from "../store/db.ts";
import {
  deadLettersByNode,
  llmTotals,
  pendingApprovals,
  runsByKindAndStatus,
} from "../store/queries/telemetry-counts.ts";
import type { RunTelemetry } from "./run-telemetry.ts";

/** A breaker as metrics see it: whose it is and its state name (closed, open, half_open, isolated). */
export interface BreakerReading {
  readonly scope: "agent" | "provider";
  readonly name: string;
  readonly state: string;
}

/** Where scrape-time readings come from besides the store; each is optional. */
export interface MetricSources {
  readonly store: Store;
  readonly clock?: () => Date;
  /** Agent and provider breakers (the process's agent guard, the store's provider breakers). */
  readonly breakers?: () => Promise<readonly BreakerReading[]> | readonly BreakerReading[];
  /** Jobs waiting in the queue; the runs queued in the store when absent (embedded mode). */
  readonly queueDepth?: () => Promise<number>;
  /** Spans dropped by the tracer (its queue was full or the endpoint failed). */
  readonly droppedSpans?: () => number;
}

/** The process's Prometheus registry, what the graph reports into it, and the text a scrape answers. */
export interface Metrics {
  readonly registry: Registry;
  readonly run: RunTelemetry;
  /** Alerts firing now and webhook deliveries that failed for good, for the alert monitor. */
  readonly alerts: { active: Gauge<"alert">; webhookFailures: Counter<"alert"> };
  readonly contentType: string;
  text(): Promise<string>;
}

const BREAKER_VALUE: Record<string, number> = { closed: 0, half_open: 1, open: 2, isolated: 3 };
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * Builds the metrics of one process (`growth serve`, a worker): latency histograms, guard decisions and effects
 * observed as runs go, and the store's readings (runs, approvals, the LLM ledger, dead letters, queue) read at
 * scrape time, so every process reports the same shared state.
 */
export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const clock = sources.clock ?? (() => new Date());
  const db = sources.store.db;

  const nodeLatency = new Histogram({
    name: "growth_node_duration_seconds",
    help: "Graph node attempts by node and outcome (ok, error, interrupted).",
    labelNames: ["node", "outcome"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const agentLatency = new Histogram({
    name: "growth_agent_duration_seconds",
    help: "Agent runs by agent and the path that served them (primary, secondary, playbook).",
    labelNames: ["agent", "path"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const guardDecisions = new Counter({
    name: "growth_guard_decisions_total",
    help: "Conflict guard decisions by rule and decision.",
    labelNames: ["rule", "decision"] as const,
    registers,
  });
  const effects = new Counter({
    name: "growth_effects_total",
    help: "Effects by action type and status (executed, already_done, dry_run).",
    labelNames: ["type", "status"] as const,
    registers,
  });

  new Gauge({
    name: "growth_runs",
    help: "Runs in the store by kind and status.",
    labelNames: ["kind", "status"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of await runsByKindAndStatus(db)) this.set({ kind: r.kind, status: r.status }, r.n);
    },
  });
  new Gauge({
    name: "growth_approvals_pending",
    help: "Approvals waiting for a person.",
    registers,
    async collect() {
      this.set((await pendingApprovals(db)).count);
    },
  });
  new Gauge({
    name: "growth_approval_oldest_age_seconds",
    help: "How long the oldest pending approval has waited (0 with none).",
    registers,
    async collect() {
      const { oldest } = await pendingApprovals(db);
      this.set(oldest ? Math.max(0, (clock().getTime() - Date.parse(oldest)) / 1_000) : 0);
    },
  });
  const ledger = () => llmTotals(db);
  new Counter({
    name: "growth_llm_calls_total",
    help: "LLM call attempts in the ledger by model, agent and outcome.",
    labelNames: ["model", "agent", "outcome"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of await ledger())
        this.inc({ model: r.model, agent: r.agent, outcome: r.outcome }, r.calls);
    },
  });
  new Counter({
    name: "growth_llm_tokens_total",
    help: "LLM tokens in the ledger by model, agent and direction (input, output).",
    labelNames: ["model", "agent", "direction"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of await ledger()) {
        this.inc({ model: r.model, agent: r.agent, direction: "input" }, r.input);
        this.inc({ model: r.model, agent: r.agent, direction: "output" }, r.output);
      }
    },
  });
  new Counter({
    name: "growth_llm_cost_usd_total",
    help: "LLM cost in US dollars in the ledger by model and agent (unpriced calls count 0).",
    labelNames: ["model", "agent"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of await ledger()) this.inc({ model: r.model, agent: r.agent }, r.cost);
    },
  });
  new Gauge({
    name: "growth_breaker_state",
    help: "Circuit breakers: 0 closed, 1 half-open, 2 open, 3 isolated.",
    labelNames: ["scope", "name"] as const,
    registers,
    async collect() {
      this.reset();
      for (const b of (await sources.breakers?.()) ?? [])
        this.set({ scope: b.scope, name: b.name }, BREAKER_VALUE[b.state] ?? 0);
    },
  });
  new Gauge({
    name: "growth_queue_depth",
    help: "Runs waiting to run (jobs in the queue at scale).",
    registers,
    async collect() {
      if (sources.queueDepth) this.set(await sources.queueDepth());
      else
        this.set(
          (await runsByKindAndStatus(db)).filter((r) => r.status === "queued").reduce((n, r) => n + r.n, 0),
        );
    },
  });
  new Gauge({
    name: "growth_dead_letters",
    help: "Dead letters by node and status (open, redriven, discarded).",
    labelNames: ["node", "status"] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of await deadLettersByNode(db)) this.set({ node: r.node, status: r.status }, r.n);
    },
  });
  new Gauge({
    name: "growth_otel_spans_dropped",
    help: "Spans dropped by the tracer since start (queue full or export failed); 0 with tracing off.",
    registers,
    collect() {
      this.set(sources.droppedSpans?.() ?? 0);
    },
  });
  const active = new Gauge({
    name: "growth_alerts_active",
    help: "SLA alerts firing now (1) or clear (0), by alert id.",
    labelNames: ["alert"] as const,
    registers,
  });
  const webhookFailures = new Counter({
    name: "growth_alert_webhook_failures_total",
    help: "Alert webhook deliveries that failed after their retries, by alert id.",
    labelNames: ["alert"] as const,
    registers,
  });

  return {
    registry,
    alerts: { active, webhookFailures },
    contentType: registry.contentType,
    text: () => registry.metrics(),
    run: {
      node: (name, seconds, outcome) => nodeLatency.observe({ node: name, outcome }, seconds),
      agent: (agent, path, seconds) => agentLatency.observe({ agent, path }, seconds),
      guard(decisions) {
        for (const d of decisions) guardDecisions.inc({ rule: d.rule ?? "none", decision: d.decision });
      },
      effects(list) {
        for (const e of list) effects.inc({ type: e.actionType, status: e.status });
      },
    },
  };
}
