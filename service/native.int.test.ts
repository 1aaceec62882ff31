import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadQualified } from "../test/helpers/fixture.ts";
import { readSse, startTestService } from "../test/helpers/service.ts";

type Service = Awaited<ReturnType<typeof startTestService>>;
let svc: Service;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => svc.stop());

const count = async (table: "runs" | "events" | "touches" | "outbox" | "approvals") =>
  Number(
    (
      await svc.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the native /v1 API over real HTTP", () => {
  it("answers 401 without a key or with an unknown one, and opens /healthz, /readyz and the docs", async () => {
    const none = await svc.call("/v1/runs", { key: null });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("key_missing");
    expect((await svc.call("/v1/runs", { key: "ge_not-a-key" })).status).toBe(401);
    expect((await svc.call("/healthz", { key: null })).status).toBe(200);
    expect(await (await svc.call("/readyz", { key: null })).json()).toEqual({ status: "ready" });
    const doc = (await (await svc.call("/openapi.json", { key: null })).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain("/v1/approvals/{id}/approve");
    expect(await (await svc.call("/docs", { key: null })).text()).toContain("/v1/events");
  });

  it("streams a chat turn as server-sent events, then approvals are single-use and the run completes", async () => {
    const res = await svc.call("/v1/chat", {
      key: svc.keys.operator,
      json: { text: "reach out to Ana at Acme", conversation_id: "native-1" },
      headers: { accept: "text/event-stream" },
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readSse(res);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("accepted");
    expect(names).toContain("step");
    expect(names.slice(-4)).toEqual(["answer", "approvals", "outcome", "end"]);
    const steps = events.filter((e) => e.event === "step").map((e) => (e.data as { node: string }).node);
    expect(steps).toEqual(expect.arrayContaining(["supervisor", "conflict_guard"]));
    type Full = { id: string; body: string | null; recipient: { email: string } | null; agent: string };
    const streamed = events.find((e) => e.event === "approvals")!.data as {
      pending: { approvalId: string }[];
      approvals: Full[];
    };
    const { pending } = streamed;
    expect(pending.length).toBeGreaterThan(0);
    // Each streamed approval carries what a person needs to decide it, not only its id.
    expect(streamed.approvals.map((a) => a.id)).toEqual(pending.map((p) => p.approvalId));
    for (const a of streamed.approvals) expect(a.agent).toBeTruthy();

    const listed = (await (await svc.call("/v1/approvals", { key: svc.keys.viewer })).json()) as {
      approvals: Full[];
    };
    expect(listed.approvals.map((a) => a.id)).toEqual(
      expect.arrayContaining(pending.map((p) => p.approvalId)),
    );
    const email = listed.approvals.find((a) => a.id === pending[0]!.approvalId)!;
    expect(email.body).toMatch(/\S{20,}|\S+ \S+ \S+/);
    expect(email.recipient?.email).toContain("@");

    const [first, ...rest] = pending;
    expect(
      (
        await svc.call(`/v1/approvals/${encodeURIComponent(first!.approvalId)}/approve`, {
          key: svc.keys.viewer,
          json: {},
        })
      ).status,
    ).toBe(403);
    const ok = await svc.call(`/v1/approvals/${encodeURIComponent(first!.approvalId)}/approve`, {
      key: svc.keys.approver,
      json: { note: "fine" },
    });
    expect(ok.status).toBe(200);
    const again = await svc.call(`/v1/approvals/${encodeURIComponent(first!.approvalId)}/reject`, {
      key: svc.keys.approver,
      json: {},
    });
    expect(again.status).toBe(409);
    let last = (await ok.json()) as { outcome: { status: string } | null };
    for (const p of rest)
      last = (await (
        await svc.call(`/v1/approvals/${encodeURIComponent(p.approvalId)}/reject`, {
          key: svc.keys.approver,
          json: {},
        })
      ).json()) as typeof last;
    expect(last.outcome?.status).toBe("completed");
    const row = await svc.store.db
      .selectFrom("approvals")
      .selectAll()
      .where("id", "=", first!.approvalId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "approved", decided_by: "april", decision_note: "fine" });
  });

  it("accepts an event with 202, and a viewer may read but not submit", async () => {
    const viewer = await svc.call("/v1/events", {
      key: svc.keys.viewer,
      json: leadQualified("ana.lopez@acme.com"),
    });
    expect(viewer.status).toBe(403);
    const res = await svc.call("/v1/events?wait=true", {
      key: svc.keys.operator,
      json: leadQualified("ana.lopez@acme.com", "crm-1"),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { runs: { run_id: string; status: string; route: string[] }[] };
    expect(body.runs[0]!.status).toBe("completed");
    expect(body.runs[0]!.route).toContain("lead-engagement");
    const run = await svc.call(`/v1/runs/${body.runs[0]!.run_id}`, { key: svc.keys.viewer });
    expect(((await run.json()) as { status: string }).status).toBe("completed");
    const trace = (await (await svc.call("/v1/trace/crm-1", { key: svc.keys.viewer })).json()) as {
      correlation_id: string;
    };
    expect(trace.correlation_id).toBe("crm-1");
  });

  it("runs the same event POSTed twice at once exactly once, with one set of effects", async () => {
    const event = leadQualified("ivan.ops@initech.com", "crm-twice");
    const before = { runs: await count("runs"), outbox: await count("outbox") };
    const [a, b] = await Promise.all([
      svc.call("/v1/events?wait=true", { json: event }),
      svc.call("/v1/events?wait=true", { json: event }),
    ]);
    const runs = [
      ((await a.json()) as { runs: { run_id: string; status: string; duplicate_of: string | null }[] })
        .runs[0]!,
      ((await b.json()) as { runs: { run_id: string; status: string; duplicate_of: string | null }[] })
        .runs[0]!,
    ];
    expect(runs.map((r) => r.status).sort()).toEqual(["completed", "duplicate"]);
    const first = runs.find((r) => r.status === "completed")!;
    expect(runs.find((r) => r.status === "duplicate")!.duplicate_of).toBe(first.run_id);
    expect(await count("runs")).toBe(before.runs + 1);
    const effects = await svc.store.db
      .selectFrom("outbox")
      .selectAll()
      .where("run_id", "=", first.run_id)
      .execute();
    expect(effects.length).toBeGreaterThan(0);
    expect(await count("outbox")).toBe(before.outbox + effects.length);
    expect(new Set(effects.map((e) => e.idempotency_key)).size).toBe(effects.length);
  });

  it("runs two events of one request side by side, both to completion (no SQLITE_BUSY between them)", async () => {
    const res = await svc.call("/v1/events?wait=true", {
      json: [
        leadQualified("bea.buyer@globex.com", "crm-pair-1"),
        leadQualified("ivan.ops@initech.com", "crm-pair-2"),
      ],
    });
    expect(res.status).toBe(200);
    const { runs } = (await res.json()) as { runs: { status: string; errors: unknown[] }[] };
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed"]);
    expect(runs.flatMap((r) => r.errors)).toEqual([]);
  });

  it("dedupes on the Idempotency-Key header and answers 202 with the first run", async () => {
    const event = leadQualified("ana.lopez@acme.com");
    const headers = { "idempotency-key": "hook-delivery-9" };
    const one = (await (await svc.call("/v1/events", { json: event, headers })).json()) as {
      runs: { run_id: string }[];
    };
    const again = await svc.call("/v1/events", { json: event, headers });
    expect(again.status).toBe(202);
    const two = (await again.json()) as { runs: { run_id: string; status: string }[] };
    expect(two.runs[0]).toMatchObject({ run_id: one.runs[0]!.run_id, status: "duplicate" });
    // Accepted means persisted; the run finishes in the background and stays readable.
    await until(async () => {
      const run = (await (await svc.call(`/v1/runs/${one.runs[0]!.run_id}`)).json()) as { status: string };
      return run.status === "completed";
    });
  });

  it("refuses a bad event with 400 naming the field, and writes nothing to the event log", async () => {
    const before = { runs: await count("runs"), events: await count("events") };
    const res = await svc.call("/v1/events", {
      json: { ...leadQualified("ana.lopez@acme.com"), entity_type: "planet" },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("event_invalid");
    expect(error.message).toContain("entity_type");
    expect({ runs: await count("runs"), events: await count("events") }).toEqual(before);
  });

  it("answers bad transport with JSON errors and writes nothing", async () => {
    const before = await count("runs");
    const malformed = await svc.call("/v1/chat", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("json_malformed");
    const wrongType = await svc.call("/v1/chat", {
      method: "POST",
      body: "text=hi",
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
    const unknownField = await svc.call("/v1/chat", { json: { text: "hi", colour: "red" } });
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as { error: { message: string } }).error.message).toContain("colour");
    const missingRun = await svc.call("/v1/runs/no-such-run");
    expect(missingRun.status).toBe(404);
    expect(((await missingRun.json()) as { error: { message: string } }).error.message).toContain(
      "no-such-run",
    );
    expect(
      (await svc.call("/v1/approvals/no-such-approval/approve", { key: svc.keys.approver, json: {} })).status,
    ).toBe(404);
    expect((await svc.call("/v1/dlq/no-such-letter")).status).toBe(404);
    expect((await svc.call("/v1/runs?status=sleeping")).status).toBe(400);
    expect(await count("runs")).toBe(before);
  });

  it("answers the report, usage, health and dead-letter reads as the CLI's JSON", async () => {
    expect((await (await svc.call("/v1/report", { key: svc.keys.viewer })).json()) as object).toHaveProperty(
      "pipeline",
    );
    expect((await svc.call("/v1/report?model=nope", { key: svc.keys.viewer })).status).toBe(400);
    expect(
      ((await (await svc.call("/v1/usage?by=agent", { key: svc.keys.viewer })).json()) as { by: string }).by,
    ).toBe("agent");
    expect(
      ((await (await svc.call("/v1/health", { key: svc.keys.viewer })).json()) as { agents: unknown[] })
        .agents.length,
    ).toBe(10);
    expect(
      ((await (await svc.call("/v1/dlq", { key: svc.keys.viewer })).json()) as { dead_letters: unknown[] })
        .dead_letters,
    ).toEqual([]);
    expect((await svc.call("/v1/dlq/x/discard", { key: svc.keys.approver, json: {} })).status).toBe(403);
  });
});

describe("approval edits over HTTP", () => {
  it("edits an approval with the CLI's fields, recorded under the key's name", async () => {
    // A fresh server: the shared one's touches to Ana would make the guard hold this one back.
    const svc = await startTestService();
    try {
      const res = await svc.call("/v1/chat", {
        key: svc.keys.operator,
        json: { text: "draft a follow-up to ana.lopez@acme.com", conversation_id: "native-edit" },
      });
      const outcome = (await res.json()) as { pending_approvals: { approvalId: string }[] };
      expect(outcome.pending_approvals.length).toBeGreaterThan(0);
      const id = encodeURIComponent(outcome.pending_approvals[0]!.approvalId);
      const empty = await svc.call(`/v1/approvals/${id}/edit`, { key: svc.keys.approver, json: {} });
      expect(empty.status).toBe(400);
      const unknown = await svc.call(`/v1/approvals/${id}/edit`, {
        key: svc.keys.approver,
        json: { recipient: "x@y.z" },
      });
      expect(unknown.status).toBe(400);
      const edited = await svc.call(`/v1/approvals/${id}/edit`, {
        key: svc.keys.approver,
        json: { subject: "Shorter subject", note: "tone" },
      });
      expect(edited.status).toBe(200);
      const row = await svc.store.db
        .selectFrom("approvals")
        .selectAll()
        .where("id", "=", outcome.pending_approvals[0]!.approvalId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "edited", decided_by: "april", decision_note: "tone" });
      expect(JSON.parse(row.edit!)).toEqual({ subject: "Shorter subject" });
    } finally {
      await svc.stop();
    }
  });
});
