import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import type { Store } from "../../store/db.ts";
import { getApproval } from "../../store/repos/approvals.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;
let orchestrator: Orchestrator;

beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), { clock: () => FIXTURE_NOW });
});
afterEach(async () => cleanup());

/** A reseller asks for 30%, the top of its 10–30% band; the offer waits for a person. */
async function offerWaiting() {
  const outcome = await orchestrator.submitEvent({
    event_type: "partner_inquiry",
    source_agent: "partner-portal",
    entity_type: "partner",
    entity_id: "initech.com",
    action: "inquired",
    data: { type: "reseller", requested_pct: 30 },
  });
  expect(outcome.status).toBe("waiting_approval");
  return outcome;
}

const outbox = () => store.db.selectFrom("outbox").selectAll().execute();

describe("an edited approval is held to the guard again", () => {
  it("refuses an edit past the band before recording it, and executes an edit inside it as edited", async () => {
    const waiting = await offerWaiting();
    const id = waiting.pendingApprovals[0]!.approvalId;
    await expect(
      orchestrator.decide(id, { verdict: "edit", by: "april", edit: { discountPct: 45 } }),
    ).rejects.toMatchObject({
      code: "edit_refused",
      kind: "policy",
      message: expect.stringContaining("45% is outside the reseller partnership band (10–30%)"),
    });
    expect((await getApproval(store.db, id))?.status).toBe("pending");
    expect(await outbox()).toHaveLength(0);

    const { outcome } = await orchestrator.decide(id, {
      verdict: "edit",
      by: "april",
      edit: { discountPct: 20 },
    });
    expect(outcome?.effects.map((e) => e.detail)).toEqual(["partnership offer of 20% to initech.com"]);
  });

  it("suppresses, with the ceiling's rule, an edit past the band that reaches the gate by a direct resume", async () => {
    const waiting = await offerWaiting();
    const approvalId = waiting.pendingApprovals[0]!.approvalId;
    // The LangGraph resume path hands verdicts to the gate without Orchestrator.decide's check.
    const outcome = await orchestrator.resume(waiting.runId, {
      verdicts: [{ approvalId, verdict: "edit", by: "sdk", edit: { discountPct: 60 } }],
    });
    expect(outcome.status).toBe("completed");
    expect(outcome.effects).toEqual([]);
    expect(outcome.decisions).toMatchObject([
      {
        decision: "suppress",
        rule: "ceiling:discount_band",
        reason: expect.stringContaining("The edit was refused: 60% is outside the reseller partnership band"),
        approval: "rejected",
      },
    ]);
    expect(await outbox()).toHaveLength(0);
  });
});
