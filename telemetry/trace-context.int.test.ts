import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GrowthEvent } from "../domain/events.ts";
import { leadQualified } from "../test/helpers/fixture.ts";
import { startTestService } from "../test/helpers/service.ts";
import { startTracing, type Tracing } from "./setup.ts";

const exporter = new InMemorySpanExporter();
let tracing: Tracing | null;
beforeAll(() => {
  tracing = startTracing({}, { exporter, batch: false });
});
afterAll(async () => tracing?.shutdown());
type Service = Awaited<ReturnType<typeof startTestService>>;
let svc: Service | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
  exporter.reset();
});

const CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${CALLER_TRACE}-00f067aa0ba902b7-01`;

describe("W3C trace context across the HTTP API and follow-up runs", () => {
  it("a run accepted with a traceparent stores it, and its follow-up run continues the caller's trace", async () => {
    // lead-engagement hands a Globex lead on as a follow-up lead_qualified event (once; another account thread).
    svc = await startTestService(
      {},
      {
        runAgent: async (agent, input, kit) => {
          const result = await agent.playbook(input, kit);
          const request = input.request;
          const first = request.kind === "event" && request.event.entity_id === "ana.lopez@acme.com";
          return first && agent.id === "lead-engagement"
            ? { ...result, events: [GrowthEvent.parse(leadQualified("bea.buyer@globex.com"))] }
            : result;
        },
      },
    );
    const res = await svc.call("/v1/events?wait=true", {
      key: svc.keys.operator,
      headers: { traceparent: TRACEPARENT },
      json: leadQualified("ana.lopez@acme.com", "corr-tp"),
    });
    expect(res.status).toBe(200);

    const runs = await svc.store.db
      .selectFrom("runs")
      .select(["id", "traceparent"])
      .where("correlation_id", "=", "corr-tp")
      .orderBy("started_at")
      .execute();
    expect(runs).toHaveLength(2); // the request's run and its follow-up
    for (const run of runs)
      expect(run.traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`));
    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.name === "POST /v1/events")!;
    expect(server.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    const runSpans = spans.filter((s) => s.name === "run event");
    expect(runSpans.map((s) => s.attributes["growth.run.id"]).sort()).toEqual(runs.map((r) => r.id).sort());
    for (const s of runSpans) expect(s.spanContext().traceId).toBe(CALLER_TRACE);
  });

  it("a malformed traceparent is ignored: the request starts a trace of its own", async () => {
    svc = await startTestService();
    const res = await svc.call("/v1/events?wait=true", {
      key: svc.keys.operator,
      headers: { traceparent: "00-zz-nope-01" },
      json: leadQualified("ana.lopez@acme.com", "corr-bad-tp"),
    });
    expect(res.status).toBe(200);
    const server = exporter.getFinishedSpans().find((s) => s.name === "POST /v1/events")!;
    expect(server.parentSpanContext).toBeUndefined();
  });
});
