import { CircuitState } from "cockatiel";
import { afterEach, describe, expect, it } from "vitest";
import { leadQualified } from "../helpers/fixture.ts";
import { startLlmApp, submission, touch } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const BATCH = 20;
const batchEmail = (i: number) => `lead${i}@batch${i}.com`;

/** Adds BATCH quiet accounts, each with one qualified, never-touched manager, and scripts the model for each. */
async function seedBatch(current: App) {
  const at = "2026-10-01T00:00:00.000Z";
  for (let i = 0; i < BATCH; i++) {
    const domain = `batch${i}.com`;
    await current.db
      .insertInto("accounts")
      .values({
        domain,
        name: `Batch ${i}`,
        industry: "SaaS",
        employees: 200,
        country: "US",
        owner: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await current.db
      .insertInto("contacts")
      .values({
        email: batchEmail(i),
        first_name: "Lee",
        last_name: `Batch${i}`,
        title: "Operations Manager",
        account_domain: domain,
        lifecycle_stage: "mql",
        do_not_contact: 0,
        unsubscribed: 0,
        bounced: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Each lead's run: the model answers at once with one touch to that lead (on either provider).
    current.mock.on(
      { userMessage: batchEmail(i) },
      {
        toolCalls: [
          {
            id: `call_submit_${i}`,
            name: "submit_result",
            arguments: JSON.stringify(submission(`Intro to lead ${i}.`, [touch(batchEmail(i), domain)])),
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 20 },
      },
    );
  }
}

describe("LLM-mode runs under injected provider faults", () => {
  it("open and close the breaker as designed, and with 30% faults every run completes or is dead-lettered", async () => {
    app = await startLlmApp({
      resilience: {
        timeoutMs: 3_000,
        maxAttempts: 3,
        backoff: { initialMs: 5, maxMs: 40, maxRetryAfterMs: 2_000 },
        breaker: { failures: 3, halfOpenAfterMs: 200 },
      },
    });
    await seedBatch(app);
    const breaker = app.models.registry!.breaker("openai");
    const transitions: string[] = [];
    breaker.onBreak(() => transitions.push("open"));
    breaker.onHalfOpen(() => transitions.push("half-open"));
    breaker.onReset(() => transitions.push("closed"));

    // Both providers down: the breaker opens and the runs are served by the playbook, nothing lost.
    app.mock.setChaos({ dropRate: 1 });
    for (let i = 0; i < 2; i++) {
      const outcome = await app.orchestrator.submitEvent(leadQualified(batchEmail(i), `down-${i}`));
      expect(outcome.status).not.toBe("failed");
    }
    expect(breaker.state).toBe(CircuitState.Open);
    expect(transitions[0]).toBe("open");
    const beforeRecovery = transitions.length;
    expect(app.served.filter((s) => s.by.path === "playbook").length).toBeGreaterThanOrEqual(2);

    // The provider recovers: after the half-open delay one probe succeeds and the breaker closes.
    app.mock.clearChaos();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const recovered = await app.orchestrator.submitEvent(leadQualified(batchEmail(2), "recovered"));
    expect(recovered.status).toBe("completed");
    expect(breaker.state).toBe(CircuitState.Closed);
    expect(transitions.slice(beforeRecovery)).toEqual(["half-open", "closed"]);

    // About 30% of calls fail: 500s, 429s with Retry-After, and dropped connections.
    app.mock.setChaos({ dropRate: 0.1, rateLimitRate: 0.12, disconnectRate: 0.12 });
    const accepted: string[] = [];
    for (let i = 3; i < BATCH; i++) {
      const outcome = await app.orchestrator.submitEvent(leadQualified(batchEmail(i), `chaos-${i}`));
      accepted.push(outcome.runId);
      expect(["completed", "failed"]).toContain(outcome.status);
    }
    app.mock.clearChaos();

    const runs = await app.db.selectFrom("runs").select(["id", "status"]).execute();
    const deadLetters = await app.db.selectFrom("dead_letters").select(["run_id", "error"]).execute();
    for (const id of accepted) {
      const run = runs.find((r) => r.id === id);
      expect(run, `run ${id} was lost`).toBeDefined();
      if (run!.status !== "completed") {
        expect(run!.status).toBe("failed");
        const letter = deadLetters.find((d) => d.run_id === id);
        expect(letter?.error, `failed run ${id} has no dead letter with its reason`).toBeTruthy();
      }
    }
    // Exactly-once effects: one outbox row per idempotency key, one touch per executed row, none twice per lead.
    const outbox = await app.outbox();
    const touches = await app.db
      .selectFrom("touches")
      .select(["contact_email", "idempotency_key"])
      .where("idempotency_key", "is not", null)
      .execute();
    expect(new Set(outbox.map((o) => o.idempotency_key)).size).toBe(outbox.length);
    expect(touches).toHaveLength(outbox.filter((o) => o.status === "sent").length);
    const perLead = new Map<string, number>();
    for (const t of touches) perLead.set(t.contact_email, (perLead.get(t.contact_email) ?? 0) + 1);
    for (const [, n] of perLead) expect(n).toBe(1);
    const served = app.served.map((s) => s.by.path);
    console.log(
      `fault injection: ${accepted.length} runs under chaos, ${runs.filter((r) => r.status === "completed").length} completed, ` +
        `${deadLetters.length} dead-lettered; served by ${["primary", "secondary", "playbook"].map((p) => `${p} ${served.filter((s) => s === p).length}`).join(", ")}; ` +
        `breaker transitions ${transitions.join(" → ")}; ${touches.length} touches, ${outbox.length} outbox rows`,
    );
  }, 240_000);
});
