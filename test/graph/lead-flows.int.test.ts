import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;
let orchestrator: Orchestrator;

beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), { clock: () => FIXTURE_NOW });
});
afterEach(async () => cleanup());

const outbox = () => store.db.selectFrom("outbox").selectAll().execute();
const touchesTo = (email: string) =>
  store.db
    .selectFrom("touches")
    .selectAll()
    .where("contact_email", "=", email)
    .where("idempotency_key", "is not", null)
    .execute();
const conflicts = () => store.db.selectFrom("conflicts").selectAll().execute();

describe("lead_qualified through the whole graph (playbook mode)", () => {
  it("produces an outreach proposal that passes the guard and lands in the outbox", async () => {
    const outcome = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com"));
    expect(outcome.status).toBe("completed");
    expect(outcome.route).toEqual(["lead-engagement"]);
    const touch = outcome.decisions.find((d) => d.actionType === "send_touch");
    expect(touch).toMatchObject({
      decision: "allow",
      approval: "not_needed",
      contactEmail: "ana.lopez@acme.com",
    });
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action_type: "send_touch", status: "sent" });
    expect(await touchesTo("ana.lopez@acme.com")).toHaveLength(1);
    const sequences = await store.db.selectFrom("sequences").selectAll().execute();
    expect(sequences).toHaveLength(1);
    expect(sequences[0]).toMatchObject({
      contact_email: "ana.lopez@acme.com",
      status: "active",
      cluster: "bd",
    });
  });

  it("stops a suppressed lead with a recorded conflict and no outreach", async () => {
    const outcome = await orchestrator.submitEvent(leadQualified("sam.stop@acme.com"));
    const touchDecisions = outcome.decisions.filter((d) => d.actionType === "send_touch");
    expect(touchDecisions.length).toBeGreaterThan(0);
    for (const d of touchDecisions) expect(d).toMatchObject({ decision: "suppress", rule: "suppression" });
    expect(await outbox()).toHaveLength(0);
    expect(await touchesTo("sam.stop@acme.com")).toHaveLength(0);
    const recorded = await conflicts();
    expect(recorded.map((c) => c.rule)).toContain("suppression");
    const events = await store.db
      .selectFrom("events")
      .select(["type", "payload"])
      .where("type", "=", "guard_decision")
      .execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.payload).toContain("suppression");
  });

  it("stops outreach to an account holding an open BD opportunity", async () => {
    const outcome = await orchestrator.submitEvent(leadQualified("bea.buyer@globex.com"));
    const touchDecisions = outcome.decisions.filter((d) => d.actionType === "send_touch");
    expect(touchDecisions.length).toBeGreaterThan(0);
    for (const d of touchDecisions) expect(d.decision).not.toBe("allow");
    expect(touchDecisions[0]!.rule).toBe("open_opportunity");
    expect(await outbox()).toHaveLength(0);
    expect((await conflicts()).map((c) => c.rule)).toContain("open_opportunity");
  });

  it("starts no second outreach when the same event is delivered twice", async () => {
    const event = leadQualified("ana.lopez@acme.com", "crm-delivery-77");
    const first = await orchestrator.submitEvent(event);
    const second = await orchestrator.submitEvent(event);
    expect(first.status).toBe("completed");
    expect(second).toMatchObject({ status: "duplicate", duplicateOf: first.runId });
    // Also without a correlation id: the canonical hash of the event is the dedupe key.
    const bare = leadQualified("ana.lopez@acme.com");
    const third = await orchestrator.submitEvent(bare);
    const fourth = await orchestrator.submitEvent({ ...bare, data: { score: 82 } });
    expect(fourth.status).toBe("duplicate");
    // A genuinely new event for a lead already in a sequence is stopped by the guard.
    expect(
      third.decisions.filter((d) => d.decision === "allow" && d.actionType === "send_touch"),
    ).toHaveLength(0);
    expect(await touchesTo("ana.lopez@acme.com")).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });
});

describe("approval gate", () => {
  it("stops an executive first touch, and on approve executes it once", async () => {
    const waiting = await orchestrator.submitEvent(leadQualified("carl.cfo@acme.com"));
    expect(waiting.status).toBe("waiting_approval");
    expect(waiting.pendingApprovals).toHaveLength(1);
    expect(waiting.pendingApprovals[0]!.reason).toMatch(/executive/i);
    expect(await outbox()).toHaveLength(0);
    const pendingRows = await store.db
      .selectFrom("approvals")
      .selectAll()
      .where("status", "=", "pending")
      .execute();
    expect(pendingRows).toHaveLength(1);

    const { outcome } = await orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, {
      verdict: "approve",
      by: "test",
    });
    expect(outcome?.status).toBe("completed");
    expect(outcome?.effects.filter((e) => e.status === "executed")).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
    expect(await touchesTo("carl.cfo@acme.com")).toHaveLength(1);
    const decided = await store.db.selectFrom("approvals").selectAll().execute();
    expect(decided[0]).toMatchObject({ status: "approved", decided_by: "test" });
  });

  it("on reject executes nothing and records the rejection", async () => {
    const waiting = await orchestrator.submitEvent(leadQualified("carl.cfo@acme.com"));
    const { outcome } = await orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, {
      verdict: "reject",
      by: "test",
      note: "not yet",
    });
    expect(outcome?.status).toBe("completed");
    expect(outcome?.decisions.find((d) => d.actionType === "send_touch")?.approval).toBe("rejected");
    expect(await outbox()).toHaveLength(0);
    expect(await touchesTo("carl.cfo@acme.com")).toHaveLength(0);
    const events = await store.db
      .selectFrom("events")
      .select("type")
      .where("type", "=", "approval_decided")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("on edit sends the edited text", async () => {
    const waiting = await orchestrator.submitEvent(leadQualified("carl.cfo@acme.com"));
    await orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, {
      verdict: "edit",
      by: "test",
      edit: { body: "Carl, a short note from our CEO." },
    });
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload).action.body).toBe("Carl, a short note from our CEO.");
  });

  it("queues a second event for the same account behind the pending approval, then runs it", async () => {
    const waiting = await orchestrator.submitEvent(leadQualified("carl.cfo@acme.com"));
    const queued = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com"));
    expect(queued.status).toBe("queued");
    await orchestrator.decide(waiting.pendingApprovals[0]!.approvalId, { verdict: "approve" });
    const runs = await store.db.selectFrom("runs").select(["status"]).execute();
    expect(runs.map((r) => r.status).sort()).toEqual(["completed", "completed"]);
    expect(await touchesTo("ana.lopez@acme.com")).toHaveLength(1);
  });
});
