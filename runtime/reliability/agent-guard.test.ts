import { describe, expect, it } from "vitest";
import type { AgentDefinition, AgentInput, AgentKit, AgentResult } from "../../agents/agent.ts";
import { GrowthError, SystemError } from "../../domain/errors.ts";
import type { AgentRunner } from "../../graph/deps.ts";
import { AgentGuard } from "./agent-guard.ts";

const agent = (id: string) => ({ id }) as unknown as AgentDefinition;
const input = {} as AgentInput;
const kit = {} as AgentKit;
const ok = { summary: "ok" } as unknown as AgentResult<unknown>;
const transient = () => new SystemError("upstream_503", "The provider is unavailable.", { transient: true });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof GrowthError ? `${error.code}/${error.errorClass}` : String(error);
  }
}

describe("AgentGuard", () => {
  it("lets transient failures through while the retry budget lasts, then makes them permanent", async () => {
    const guard = new AgentGuard({ budget: { capacity: 2, refillPerSecond: 0 }, breakerThreshold: 100 });
    const run = guard.wrap(async () => {
      throw transient();
    });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await codeOf(run(agent("deal-closer"), input, kit)));
    expect(codes).toEqual([
      "upstream_503/transient",
      "upstream_503/transient",
      "retry_budget_exhausted/permanent",
      "retry_budget_exhausted/permanent",
    ]);
    // Budgets are per agent: another agent still has its own.
    expect(await codeOf(run(agent("lead-engagement"), input, kit))).toBe("upstream_503/transient");
    expect(guard.health().find((h) => h.agent === "deal-closer")?.retriesAvailable).toBe(0);
  });

  it("does not spend the budget or trip the breaker on permanent errors", async () => {
    const guard = new AgentGuard({ budget: { capacity: 1, refillPerSecond: 0 }, breakerThreshold: 2 });
    const run = guard.wrap(async () => {
      throw new SystemError("bad_request", "The request was malformed.");
    });
    for (let i = 0; i < 5; i++)
      expect(await codeOf(run(agent("a"), input, kit))).toBe("bad_request/permanent");
    expect(guard.health()).toMatchObject([{ agent: "a", breaker: "closed", retriesAvailable: 1 }]);
  });

  it("opens the breaker after consecutive transient failures, fails fast, and closes after a good trial", async () => {
    let failing = true;
    let calls = 0;
    const inner: AgentRunner = async () => {
      calls++;
      if (failing) throw transient();
      return ok;
    };
    const guard = new AgentGuard({
      breakerThreshold: 3,
      halfOpenAfterMs: 40,
      budget: { capacity: 100, refillPerSecond: 0 },
    });
    const run = guard.wrap(inner);
    for (let i = 0; i < 3; i++) await codeOf(run(agent("a"), input, kit));
    expect(guard.health()[0]?.breaker).toBe("open");
    expect(await codeOf(run(agent("a"), input, kit))).toBe("agent_circuit_open/permanent");
    expect(calls).toBe(3); // the open breaker did not call through
    await new Promise((r) => setTimeout(r, 60));
    failing = false;
    expect(await codeOf(run(agent("a"), input, kit))).toBe("ok");
    expect(guard.health()[0]?.breaker).toBe("closed");
  });

  it("limits concurrent runs per agent and refuses beyond the queue as a transient error", async () => {
    const release: (() => void)[] = [];
    const inner: AgentRunner = () => new Promise((resolve) => release.push(() => resolve(ok)));
    const guard = new AgentGuard({ concurrency: 1, queue: 1 });
    const run = guard.wrap(inner);
    const first = run(agent("a"), input, kit);
    const second = run(agent("a"), input, kit);
    expect(await codeOf(run(agent("a"), input, kit))).toBe("agent_busy/transient");
    expect(guard.health()[0]).toMatchObject({ running: 1, concurrency: 1 });
    release.shift()?.();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    release.shift()?.();
    expect(await second).toBe(ok);
  });

  it("lists agents that have not run yet as closed with a full budget", () => {
    const health = new AgentGuard().health(["b", "a"]);
    expect(health.map((h) => [h.agent, h.breaker, h.retriesAvailable, h.running])).toEqual([
      ["a", "closed", 10, 0],
      ["b", "closed", 10, 0],
    ]);
  });
});
