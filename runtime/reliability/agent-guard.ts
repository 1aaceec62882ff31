import {
  BrokenCircuitError,
  type BulkheadPolicy,
  BulkheadRejectedError,
  bulkhead,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from "cockatiel";
import { classifyError, SystemError } from "../../domain/errors.ts";
import type { AgentRunner } from "../../graph/deps.ts";
import { NO_PERSISTENCE, persistedBreaker, type StatePersistence } from "../../models/state-persistence.ts";
import { RetryBudget, type RetryBudgetOptions } from "./retry-budget.ts";

/** Limits per agent: concurrent runs, queue, breaker threshold and cool-down, retry budget. */
export interface AgentGuardOptions {
  concurrency: number;
  queue: number;
  /** Consecutive transient failures that open the breaker. */
  breakerThreshold: number;
  /** Milliseconds the breaker stays open before one trial call (half-open). */
  halfOpenAfterMs: number;
  budget: Omit<RetryBudgetOptions, "now" | "initial">;
  now?: () => number;
  /** Where breaker and budget state is kept, so every process sees the same (the store, in the CLI). */
  persistence?: StatePersistence;
}

/** Defaults sized for the embedded runtime: a few parallel runs per agent, ten retries a burst. */
export const DEFAULT_AGENT_GUARD: AgentGuardOptions = {
  concurrency: 4,
  queue: 64,
  breakerThreshold: 5,
  halfOpenAfterMs: 30_000,
  budget: { capacity: 10, refillPerSecond: 0.5 },
};

/** What `growth health` shows for one agent. */
export interface AgentHealth {
  agent: string;
  breaker: "closed" | "open" | "half_open" | "isolated";
  retriesAvailable: number;
  retryCapacity: number;
  running: number;
  concurrency: number;
}

interface Policies {
  bulkhead: BulkheadPolicy;
  breaker: CircuitBreakerPolicy;
  budget: RetryBudget;
}

const STATE_NAMES: Record<CircuitState, AgentHealth["breaker"]> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Isolated]: "isolated",
};

/**
 * Per-agent bulkhead, circuit breaker and retry budget around an agent runner. A transient failure spends
 * a retry token; with none left it becomes permanent, so the graph's retry policy stops and dead-letters.
 */
export class AgentGuard {
  private readonly options: AgentGuardOptions;
  private readonly policies = new Map<string, Policies>();
  private readonly persistence: StatePersistence;

  constructor(options: Partial<AgentGuardOptions> = {}) {
    this.options = { ...DEFAULT_AGENT_GUARD, ...options };
    this.persistence = options.persistence ?? NO_PERSISTENCE;
  }

  /** Wraps a runner so every agent call goes through its agent's policies. */
  wrap(runner: AgentRunner): AgentRunner {
    return async (agent, input, kit) => {
      const p = this.policiesOf(agent.id);
      try {
        return await p.bulkhead.execute(() => p.breaker.execute(() => runner(agent, input, kit)));
      } catch (raw) {
        const error = translate(agent.id, raw);
        const spent = classifyError(error) === "transient" && !p.budget.tryWithdraw();
        this.persistence.save(`budget:${agent.id}`, p.budget.snapshot());
        if (spent) {
          throw new SystemError(
            "retry_budget_exhausted",
            `Agent ${agent.id} has spent its retry budget; the failure is not retried. Check its dependency, then redrive the dead letter.`,
            { cause: error },
          );
        }
        throw error;
      }
    };
  }

  /** The state of every agent that has run in this process, and of `agents` whether or not they ran. */
  health(agents: readonly string[] = []): AgentHealth[] {
    for (const agent of agents) this.policiesOf(agent);
    return [...this.policies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agent, p]) => ({
        agent,
        breaker: STATE_NAMES[p.breaker.state],
        retriesAvailable: p.budget.available(),
        retryCapacity: p.budget.size(),
        running: this.options.concurrency - p.bulkhead.executionSlots,
        concurrency: this.options.concurrency,
      }));
  }

  private policiesOf(agent: string): Policies {
    let p = this.policies.get(agent);
    if (!p) {
      const o = this.options;
      p = {
        bulkhead: bulkhead(o.concurrency, o.queue),
        breaker: persistedBreaker(`agent:${agent}`, this.persistence, (initialState) =>
          circuitBreaker(
            handleWhen((e) => classifyError(e) === "transient"),
            {
              halfOpenAfter: o.halfOpenAfterMs,
              breaker: new ConsecutiveBreaker(o.breakerThreshold),
              ...(initialState !== undefined ? { initialState } : {}),
            },
          ),
        ),
        budget: new RetryBudget({
          ...o.budget,
          now: o.now,
          initial: this.persistence.initial(`budget:${agent}`),
        }),
      };
      this.policies.set(agent, p);
    }
    return p;
  }
}

function translate(agent: string, error: unknown): unknown {
  if (error instanceof BulkheadRejectedError) {
    return new SystemError("agent_busy", `Agent ${agent} is at its concurrency limit; retry shortly.`, {
      transient: true,
      cause: error,
    });
  }
  if (error instanceof BrokenCircuitError) {
    return new SystemError(
      "agent_circuit_open",
      `Agent ${agent}'s circuit is open after repeated failures; it is tried again after a cool-down.`,
      { cause: error },
    );
  }
  return error;
}
