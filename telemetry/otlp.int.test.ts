import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../runtime/app.ts";
import { createLogger } from "../runtime/logger.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../test/helpers/fixture.ts";
import { startTracing, type Tracing } from "./setup.ts";

interface OtlpSpan {
  name: string;
  traceId: string;
  attributes: { key: string; value: { stringValue?: string } }[];
}
interface OtlpBody {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** A small OTLP/HTTP (JSON) trace receiver on loopback: keeps every export request it is sent. */
async function receiver(): Promise<{ server: Server; url: string; bodies: OtlpBody[]; paths: string[] }> {
  const bodies: OtlpBody[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      paths.push(`${req.method} ${req.url} ${req.headers["content-type"]}`);
      bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpBody);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, paths };
}

let tracing: Tracing | null = null;
let stopAll: (() => Promise<void>)[] = [];
afterEach(async () => {
  await tracing?.shutdown();
  tracing = null;
  for (const stop of stopAll) await stop();
  stopAll = [];
});

async function eventRun() {
  const { store, cleanup } = await fixtureStore();
  stopAll.push(cleanup);
  const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
  });
  return orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-otlp"));
}

describe("OTLP/HTTP export", () => {
  it("a real receiver on loopback gets the spans of one event run, under OTEL_SERVICE_NAME", async () => {
    const otlp = await receiver();
    stopAll.push(() => new Promise<void>((resolve) => otlp.server.close(() => resolve())));
    tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_SERVICE_NAME: "growth-test" });
    expect(tracing).not.toBeNull();

    const outcome = await eventRun();
    expect(outcome.status).toBe("completed");
    await tracing!.flush();

    expect(otlp.paths[0]).toBe("POST /v1/traces application/json");
    const resources = otlp.bodies.flatMap((b) => b.resourceSpans);
    const service = resources[0]!.resource.attributes.find((a) => a.key === "service.name");
    expect(service?.value.stringValue).toBe("growth-test");
    const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const names = spans.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "intake",
        "run event",
        "graph.node supervisor",
        "graph.node lead-engagement",
        "invoke_agent lead-engagement",
        "guard.batch",
        "graph.node execute_effects",
        "effect send_touch",
        "graph.node respond",
      ]),
    );
    expect(names.some((n) => n.startsWith("execute_tool "))).toBe(true);
    const run = spans.find((s) => s.name === "run event")!;
    const runId = run.attributes.find((a) => a.key === "growth.run.id")?.value.stringValue;
    expect(runId).toBe(outcome.runId);
    // The follow-up-free run is one trace.
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    expect(tracing!.dropped()).toBe(0);
  });

  it("an unreachable endpoint neither slows nor fails a run; its spans are counted as dropped", async () => {
    const closed = await receiver();
    await new Promise<void>((resolve) => closed.server.close(() => resolve())); // nothing listens there now
    tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: closed.url });
    const started = performance.now();
    const outcome = await eventRun();
    const ms = performance.now() - started;
    expect(outcome.status).toBe("completed");
    expect(ms).toBeLessThan(4_000); // export is batched in the background; the run never waits on it
    await tracing!.flush().catch(() => undefined);
    await expect.poll(() => tracing!.dropped(), { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
