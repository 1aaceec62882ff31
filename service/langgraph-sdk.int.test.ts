import { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadQualified } from "../test/helpers/fixture.ts";
import { startTestService } from "../test/helpers/service.ts";

let svc: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => svc.stop());

const client = (key: string) =>
  new Client({ apiUrl: svc.url, apiKey: key, callerOptions: { maxRetries: 0 } });

type Values = {
  messages: { type: string; content: string }[];
  pending_approvals: { approvalId: string }[];
  answer: string | null;
  route: string[];
  __interrupt__?: { value: { approvals: { approvalId: string }[] } }[];
};

describe("the official LangGraph SDK client against growth serve", () => {
  it("finds the orchestrator assistant and creates, gets and reads a thread", async () => {
    const sdk = client(svc.keys.operator);
    const assistants = await sdk.assistants.search();
    expect(assistants.map((a) => a.assistant_id)).toEqual(["growth-orchestrator"]);
    const thread = await sdk.threads.create({ metadata: { team: "bd" } });
    const got = await sdk.threads.get(thread.thread_id);
    expect(got).toMatchObject({ thread_id: thread.thread_id, status: "idle", metadata: { team: "bd" } });
    const state = await sdk.threads.getState(thread.thread_id);
    expect(state.next).toEqual([]);
    await expect(sdk.threads.get("no-such-thread")).rejects.toThrow(/404/);
  });

  it("streams a chat turn in values and updates modes, stops at the approval interrupt, and resumes through command", async () => {
    const sdk = client(svc.keys.approver);
    const thread = await sdk.threads.create();
    const parts: { event: string; data: unknown }[] = [];
    for await (const part of sdk.runs.stream(thread.thread_id, "growth-orchestrator", {
      input: { messages: [{ role: "user", content: "reach out to Ana at Acme" }] },
      streamMode: ["values", "updates"],
    }))
      parts.push(part as { event: string; data: unknown });
    const events = parts.map((p) => p.event);
    expect(events[0]).toBe("metadata");
    expect(events).toContain("values");
    expect(events).toContain("updates");
    const updates = parts.filter((p) => p.event === "updates").map((p) => Object.keys(p.data as object)[0]);
    expect(updates).toEqual(expect.arrayContaining(["supervisor", "conflict_guard", "__interrupt__"]));
    const lastValues = parts.filter((p) => p.event === "values").at(-1)!.data as Values;
    const pending = lastValues.__interrupt__![0]!.value.approvals;
    expect(pending.length).toBeGreaterThan(0);

    const interrupted = await sdk.threads.get(thread.thread_id);
    expect(interrupted.status).toBe("interrupted");
    const state = await sdk.threads.getState<Values>(thread.thread_id);
    expect(state.values.pending_approvals.map((p) => p.approvalId)).toEqual(pending.map((p) => p.approvalId));
    expect(state.tasks.some((t) => t.interrupts.length > 0)).toBe(true);

    // A resume value that does not match what is pending is refused, saying what is pending, and writes nothing.
    const wrong = sdk.runs.stream(thread.thread_id, "growth-orchestrator", {
      command: { resume: { verdicts: [{ approvalId: "not-pending", verdict: "approve" }] } },
    });
    await expect(wrong.next()).rejects.toThrow(
      new RegExp(`400.*pending: ${pending[0]!.approvalId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
    const still = await svc.store.db
      .selectFrom("approvals")
      .select("status")
      .where("id", "=", pending[0]!.approvalId)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe("pending");

    const resumed: { event: string; data: unknown }[] = [];
    for await (const part of sdk.runs.stream(thread.thread_id, "growth-orchestrator", {
      command: {
        resume: {
          verdicts: pending.map((p, i) => ({
            approvalId: p.approvalId,
            verdict: i === 0 ? "approve" : "reject",
            note: "ok",
          })),
        },
      },
      streamMode: "updates",
    }))
      resumed.push(part as { event: string; data: unknown });
    const nodes = resumed.filter((p) => p.event === "updates").map((p) => Object.keys(p.data as object)[0]);
    expect(nodes).toContain("execute_effects");
    expect(nodes).not.toContain("__interrupt__");
    const after = await sdk.threads.get(thread.thread_id);
    expect(after.status).toBe("idle");
    const row = await svc.store.db
      .selectFrom("approvals")
      .selectAll()
      .where("id", "=", pending[0]!.approvalId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "approved", decided_by: "april" });
  });

  it("waits for a run's final values, and takes an event as input", async () => {
    const sdk = client(svc.keys.operator);
    const thread = await sdk.threads.create();
    const values = (await sdk.runs.wait(thread.thread_id, "growth-orchestrator", {
      input: { messages: [{ role: "user", content: "how is the pipeline looking?" }] },
    })) as Values;
    expect(values.messages[0]).toMatchObject({ type: "human", content: "how is the pipeline looking?" });
    expect(values.answer).toEqual(expect.any(String));
    const byEvent = (await sdk.runs.wait(thread.thread_id, "growth-orchestrator", {
      input: { event: leadQualified("ivan.ops@initech.com", "sdk-event-1") },
    })) as Values;
    expect(byEvent.route).toContain("lead-engagement");
    const runs = await svc.store.db
      .selectFrom("runs")
      .selectAll()
      .where("correlation_id", "=", "sdk-event-1")
      .execute();
    expect(runs).toHaveLength(1);
  });

  it("refuses what it does not support with a JSON 501, and a viewer's run with 403", async () => {
    const sdk = client(svc.keys.operator);
    const thread = await sdk.threads.create();
    const res = await fetch(`${svc.url}/threads/${thread.thread_id}/history`, {
      method: "POST",
      headers: { "x-api-key": svc.keys.operator, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(501);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_supported");
    const mode = await fetch(`${svc.url}/threads/${thread.thread_id}/runs/stream`, {
      method: "POST",
      headers: { "x-api-key": svc.keys.operator, "content-type": "application/json" },
      body: JSON.stringify({
        assistant_id: "growth-orchestrator",
        input: { messages: [{ role: "user", content: "hi" }] },
        stream_mode: "messages",
      }),
    });
    expect(mode.status).toBe(501);
    const viewer = client(svc.keys.viewer);
    await expect(
      viewer.runs.wait(thread.thread_id, "growth-orchestrator", {
        input: { messages: [{ role: "user", content: "hi" }] },
      }),
    ).rejects.toThrow(/403/);
    await expect(viewer.assistants.search()).resolves.toHaveLength(1);
  });
});
