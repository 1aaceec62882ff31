import { afterEach, describe, expect, it } from "vitest";
import { startLlmApp } from "./harness.ts";

type App = Awaited<ReturnType<typeof startLlmApp>>;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const inquiry = (correlationId: string) => ({
  event_type: "partner_inquiry",
  source_agent: "partner-portal",
  entity_type: "partner",
  entity_id: "initech.com",
  action: "inquired",
  data: { type: "referral" },
  correlation_id: correlationId,
});

/** The negotiator's model answers at once with one referral offer of `pct` percent. */
function offerOf(mock: App["mock"], pct: number) {
  mock.on(
    { predicate: (req) => JSON.stringify(req.messages).includes("partner_inquiry") },
    {
      toolCalls: [
        {
          id: "call_submit",
          name: "submit_result",
          arguments: JSON.stringify({
            summary: `Offering ${pct}%.`,
            artefact: {
              partner: null,
              partnerType: "referral",
              typeAssumed: false,
              band: { minPct: 5, maxPct: 15, defaultPct: 10 },
              requestedPct: null,
              proposedPct: pct,
              clamped: false,
              terms: null,
              refusal: null,
            },
            proposals: [
              {
                type: "make_offer",
                accountDomain: "initech.com",
                kind: "partnership",
                discountPct: pct,
                terms: `Referral partnership: ${pct}% referral fee on first-year contract value.`,
                rationale: "The partner asked.",
              },
            ],
          }),
        },
      ],
    },
  );
}

describe("policy ceilings bind every proposal, a model's included", () => {
  it("a 90% discount from the model is refused by the guard naming the band, never sent to approval", async () => {
    app = await startLlmApp();
    offerOf(app.mock, 90);

    const outcome = await app.orchestrator.submitEvent(inquiry("corr-90"));

    expect(app.served[0]?.by.path).toBe("primary");
    expect(outcome.status).toBe("completed");
    expect(outcome.pendingApprovals).toEqual([]);
    expect(outcome.decisions).toEqual([
      expect.objectContaining({
        actionType: "make_offer",
        decision: "suppress",
        rule: "ceiling:discount_band",
        reason: "90% is outside the referral partnership band (5–15%).",
        approval: "not_needed",
      }),
    ]);
    expect(await app.outbox()).toEqual([]);
    const conflicts = await app.db.selectFrom("conflicts").select(["rule"]).execute();
    expect(conflicts.map((c) => c.rule)).toEqual(["ceiling:discount_band"]);
  });

  it("an offer within the band still waits for a person, as before", async () => {
    app = await startLlmApp();
    offerOf(app.mock, 12);

    const outcome = await app.orchestrator.submitEvent(inquiry("corr-12"));

    expect(app.served[0]?.by.path).toBe("primary");
    expect(outcome.status).toBe("waiting_approval");
    expect(outcome.decisions).toEqual([
      expect.objectContaining({ actionType: "make_offer", decision: "allow", approval: "required" }),
    ]);
  });
});
