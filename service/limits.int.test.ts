import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadQualified } from "../test/helpers/fixture.ts";
import { startTestService } from "../test/helpers/service.ts";

let svc: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  svc = await startTestService({ bodyBytes: 2_000, requestsPerMinute: 5, streamsPerKey: 1 });
});
afterAll(async () => svc.stop());

describe("the service's limits", () => {
  it("answers 413 for a body over the cap and accepts nothing", async () => {
    const big = { ...leadQualified("ana.lopez@acme.com"), data: { note: "x".repeat(5_000) } };
    const res = await svc.call("/v1/events", { key: svc.keys.operator, json: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("body_too_large");
    const runs = await svc.store.db.selectFrom("runs").selectAll().execute();
    expect(runs).toEqual([]);
  });

  it("answers 429 with Retry-After past the per-key rate, while another key still gets through", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await svc.call("/v1/runs", { key: svc.keys.viewer });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await svc.call("/v1/runs", { key: svc.keys.approver })).status).toBe(200);
  });

  it("refuses a second concurrent chat stream of one key with 429; a dropped stream's run still completes", async () => {
    const controller = new AbortController();
    const first = await svc.call("/v1/chat", {
      key: svc.keys.operator,
      json: { text: "reach out to Ana at Acme", conversation_id: "limits-1" },
      headers: { accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(first.status).toBe(200);
    const reader = (first.body as ReadableStream<Uint8Array>).getReader();
    const chunk = new TextDecoder().decode((await reader.read()).value);
    const runId = (JSON.parse(/data: (.*)/.exec(chunk)![1]!) as { run_id: string }).run_id;
    const second = await svc.call("/v1/chat", {
      key: svc.keys.operator,
      json: { text: "how is the pipeline?", conversation_id: "limits-2" },
      headers: { accept: "text/event-stream" },
    });
    expect(second.status).toBe(429);
    controller.abort();
    const end = Date.now() + 20_000;
    let status = "";
    while (Date.now() < end) {
      const row = await svc.store.db
        .selectFrom("runs")
        .select("status")
        .where("id", "=", runId)
        .executeTakeFirst();
      status = row?.status ?? "";
      if (status === "waiting_approval" || status === "completed") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(["waiting_approval", "completed"]).toContain(status);
  });
});

describe("the request timeout", () => {
  it("answers 504 when a request outlasts it, and the accepted run still completes", async () => {
    const slow = await startTestService({ requestTimeoutMs: 1 });
    try {
      const res = await slow.call("/v1/events?wait=true", {
        json: leadQualified("ivan.ops@initech.com", "slow-1"),
      });
      expect(res.status).toBe(504);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("timeout");
      const end = Date.now() + 20_000;
      let status = "";
      while (Date.now() < end && status !== "completed") {
        const row = await slow.store.db
          .selectFrom("runs")
          .select("status")
          .where("correlation_id", "=", "slow-1")
          .executeTakeFirst();
        status = row?.status ?? "";
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe("completed");
    } finally {
      await slow.stop();
    }
  });
});
