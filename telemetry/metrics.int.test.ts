import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, describe, expect, it } from "vitest";
import { leadQualified } from "../test/helpers/fixture.ts";
import { startTestService } from "../test/helpers/service.ts";

type Service = Awaited<ReturnType<typeof startTestService>>;
let svc: Service | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

/** Scrapes /metrics and parses it as Prometheus text; reads one sample by its labels (0 when absent). */
async function scrape(service: Service) {
  const res = await service.call("/metrics", { key: service.keys.viewer });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  const families = parsePrometheusTextFormat(text);
  const family = (name: string) => families.find((f) => f.name === name);
  return {
    family,
    /**
     * A labelled histogram's `_count`: the parser folds a histogram's labelled series into one sample, so this
     * one line is read from the text (its family is still checked through the parser).
     */
    count(name: string, labels: Record<string, string>) {
      const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
      const line = text
        .split("\n")
        .find((l) => l.startsWith(`${name}_count{`) && want.every((w) => l.includes(w)));
      return Number(line?.split(" ").at(-1) ?? 0);
    },
    value(name: string, labels: Record<string, string> = {}) {
      const sample = family(name)?.metrics.find((m) =>
        Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
      );
      return Number(sample?.value ?? sample?.count ?? 0);
    },
  };
}

describe("GET /metrics", () => {
  it("is Prometheus text behind a key; after one event run the counters move by exactly that run", async () => {
    svc = await startTestService();
    expect((await svc.call("/metrics", { key: null })).status).toBe(401);

    const before = await scrape(svc);
    expect(before.family("growth_guard_decisions_total")?.type).toBe("COUNTER");
    expect(before.family("growth_node_duration_seconds")?.type).toBe("HISTOGRAM");
    const res = await svc.call("/v1/events?wait=true", {
      key: svc.keys.operator,
      json: leadQualified("ana.lopez@acme.com", "corr-metrics"),
    });
    expect(res.status).toBe(200);

    const after = await scrape(svc);
    const delta = (name: string, labels: Record<string, string> = {}) =>
      after.value(name, labels) - before.value(name, labels);
    const countDelta = (name: string, labels: Record<string, string>) =>
      after.count(name, labels) - before.count(name, labels);
    expect(delta("growth_runs", { kind: "event", status: "completed" })).toBe(1);
    expect(delta("growth_guard_decisions_total", { rule: "none", decision: "allow" })).toBe(1);
    expect(delta("growth_effects_total", { type: "send_touch", status: "executed" })).toBe(1);
    // One attempt of each node the run passed through, one agent run on its playbook.
    expect(countDelta("growth_node_duration_seconds", { node: "execute_effects", outcome: "ok" })).toBe(1);
    expect(countDelta("growth_node_duration_seconds", { node: "lead-engagement", outcome: "ok" })).toBe(1);
    expect(countDelta("growth_agent_duration_seconds", { agent: "lead-engagement", path: "playbook" })).toBe(
      1,
    );
    expect(after.value("growth_approvals_pending")).toBe(0);
    expect(after.value("growth_queue_depth")).toBe(0);
    expect(after.value("growth_breaker_state", { scope: "agent", name: "lead-engagement" })).toBe(0);
    expect(after.family("growth_llm_tokens_total")?.type).toBe("COUNTER");
  });
});

describe("serveMetrics (for `growth worker --metrics-port`)", () => {
  it("answers the same Prometheus text on its own loopback port, and 404 elsewhere", async () => {
    const { createMetrics } = await import("./metrics.ts");
    const { serveMetrics } = await import("./metrics-server.ts");
    const { fixtureStore } = await import("../test/helpers/fixture.ts");
    const fixture = await fixtureStore();
    const metrics = createMetrics({ store: fixture.store });
    metrics.run.guard([{ rule: "suppression", decision: "suppress" }]);
    const { recordLlmCall } = await import("../store/repos/llm-calls.ts");
    for (const attempt of [1, 2])
      await recordLlmCall(fixture.store.db, {
        runId: "r",
        threadId: null,
        correlationId: null,
        agent: "deal-closer",
        provider: "openai",
        model: "gpt-x",
        prompt: null,
        step: 1,
        attempt,
        usage: { input: 120, output: 30, cached: 0 },
        latencyMs: 5,
        costUsd: 0.001,
        outcome: "ok",
        errorCode: null,
        at: new Date(),
      });
    const server = await serveMetrics(metrics, { port: 0 });
    try {
      const families = parsePrometheusTextFormat(await (await fetch(server.url)).text());
      const guard = families.find((f) => f.name === "growth_guard_decisions_total");
      expect(guard?.metrics).toEqual([{ labels: { rule: "suppression", decision: "suppress" }, value: "1" }]);
      const tokens = families.find((f) => f.name === "growth_llm_tokens_total")?.metrics;
      expect(tokens).toEqual([
        { labels: { model: "openai:gpt-x", agent: "deal-closer", direction: "input" }, value: "240" },
        { labels: { model: "openai:gpt-x", agent: "deal-closer", direction: "output" }, value: "60" },
      ]);
      const calls = families.find((f) => f.name === "growth_llm_calls_total")?.metrics;
      expect(calls).toEqual([
        { labels: { model: "openai:gpt-x", agent: "deal-closer", outcome: "ok" }, value: "2" },
      ]);
      const cost = families.find((f) => f.name === "growth_llm_cost_usd_total")?.metrics[0]?.value;
      expect(Number(cost)).toBeCloseTo(0.002, 9);
      expect((await fetch(server.url.replace("/metrics", "/other"))).status).toBe(404);
    } finally {
      await server.close();
      await fixture.cleanup();
    }
  });
});
