import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProposedAction } from "../domain/actions.ts";
import { DEFAULT_CONFLICT_POLICY } from "../domain/conflicts/index.ts";
import { createLogger } from "../runtime/logger.ts";
import type { Store } from "../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "../test/helpers/fixture.ts";
import { nodeTestDeps } from "../test/helpers/graph-deps.ts";
import { DEFAULT_APPROVAL_POLICY } from "./approval-policy.ts";
import { crashPoints } from "./crash-point.ts";
import type { GraphDeps } from "./deps.ts";
import { effectsNode } from "./effects.ts";
import type { GraphStateValue, GuardDecision } from "./state.ts";

// Exactly-once at unit speed (ARCHITECTURE.md, reliability): a run's effects are re-run after a simulated
// crash at every effects step, in process, through the crash hook; the slow SIGKILL test is test/crash/.

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

const RUN = "run-once";
const EMAILS = ["ana.lopez@acme.com", "carl.cfo@acme.com", "tina.tech@acme.com"];
const touch = (n: number, email: string) =>
  ProposedAction.parse({
    type: "send_touch",
    id: `lead-engagement#${n}`,
    agent: "lead-engagement",
    cluster: "bd",
    contactEmail: email,
    accountDomain: "acme.com",
    channel: "email",
    play: "sequence",
    templateId: "intro",
    subject: "Hello",
    body: `Hi ${email}`,
    sequenceId: `seq-${n}`,
    rationale: "qualified lead",
  });

function state(): GraphStateValue {
  const actions = EMAILS.map((email, i) => touch(i + 1, email));
  const allow = (action: ProposedAction): GuardDecision =>
    ({
      actionId: action.id,
      agent: action.agent,
      actionType: action.type,
      target: "-",
      contactEmail: action.type === "send_touch" ? action.contactEmail : null,
      accountDomain: "acme.com",
      decision: "allow",
      rule: null,
      reason: "No rule stops this action.",
      until: null,
      approval: "approved",
      approvalReason: null,
    }) as GuardDecision;
  return {
    run: {
      runId: RUN,
      threadId: "lead:acme",
      correlationId: "corr-once",
      requestEventId: `${RUN}:accepted`,
      now: FIXTURE_NOW.toISOString(),
      dryRun: false,
    },
    request: { kind: "play", play: "sequence" },
    route: ["lead-engagement"],
    handoffs: [],
    hops: 1,
    artefacts: {},
    summaries: [],
    proposals: actions,
    decisions: actions.map(allow),
    effects: [],
    followUps: [],
    errors: [],
    answer: null,
  } as unknown as GraphStateValue;
}

function deps(): GraphDeps {
  return nodeTestDeps(store);
}

/** What must exist once per effect: outbox rows, touches and effect events, with any duplicate counted. */
async function ledger() {
  const outbox = await store.db.selectFrom("outbox").select("idempotency_key").execute();
  const touches = await store.db
    .selectFrom("touches")
    .select("contact_email")
    .where("contact_email", "in", EMAILS)
    .where("occurred_at", "=", FIXTURE_NOW.toISOString())
    .execute();
  const events = await store.db
    .selectFrom("events")
    .select("id")
    .where("type", "=", "effect_executed")
    .execute();
  return {
    outbox: outbox.length,
    touches: touches.length,
    touchedContacts: new Set(touches.map((t) => t.contact_email)).size,
    events: events.length,
  };
}

class SimulatedCrash extends Error {}

const POINTS = ["effects:claimed", "effects:committed"] as const;
const STEPS = EMAILS.map((_, i) => i + 1);

describe("exactly-once effects after a crash at each effects step (in process)", () => {
  it.each(POINTS.flatMap((point) => STEPS.map((n) => [point, n] as const)))(
    "a crash at %s of step %i, then the resume re-running the effects, leaves each effect once",
    async (point, n) => {
      const crash = crashPoints(`${point}:${n}`, () => {
        throw new SimulatedCrash(`simulated crash at ${point}:${n}`);
      });
      await expect(effectsNode(deps(), crash)(state())).rejects.toBeInstanceOf(SimulatedCrash);
      // A crash inside the outbox transaction rolls it back; one after the commit keeps that step.
      const done = point === "effects:claimed" ? n - 1 : n;
      expect(await ledger()).toEqual({ outbox: done, touches: done, touchedContacts: done, events: done });

      // The resume runs the effects node again from the same checkpointed state (same run, same decisions).
      const { effects } = await effectsNode(deps())(state());
      expect(effects?.map((e) => e.status)).toEqual(
        STEPS.map((step) => (step <= done ? "already_done" : "executed")),
      );
      expect(await ledger()).toEqual({ outbox: 3, touches: 3, touchedContacts: 3, events: 3 });
      // A third run (a second resume) changes nothing.
      await effectsNode(deps())(state());
      expect(await ledger()).toEqual({ outbox: 3, touches: 3, touchedContacts: 3, events: 3 });
    },
  );
});
