import { NodeError } from "@langchain/langgraph";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProposedAction } from "../domain/actions.ts";
import { DEFAULT_CONFLICT_POLICY } from "../domain/conflicts/index.ts";
import { createLogger } from "../runtime/logger.ts";
import type { Store } from "../store/db.ts";
import { acquireLease } from "../store/repos/leases.ts";
import { FIXTURE_NOW, fixtureStore } from "../test/helpers/fixture.ts";
import { nodeTestDeps } from "../test/helpers/graph-deps.ts";
import { DEFAULT_APPROVAL_POLICY } from "./approval-policy.ts";
import { compensateRun, deadLetterHandler } from "./dead-letter.ts";
import type { GraphDeps } from "./deps.ts";
import { effectsNode, leaseHolder } from "./effects.ts";
import type { GraphStateValue, GuardDecision } from "./state.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

const RUN = "run-comp";
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
const brokenMove = ProposedAction.parse({
  type: "move_stage",
  id: "deal-closer#3",
  agent: "deal-closer",
  cluster: "bd",
  opportunityId: "opp-deleted-meanwhile",
  toStage: "proposal",
  rationale: "moves on",
});
const allow = (action: ProposedAction, target: string): GuardDecision =>
  ({
    actionId: action.id,
    agent: action.agent,
    actionType: action.type,
    target,
    contactEmail: action.type === "send_touch" ? action.contactEmail : null,
    accountDomain: "acme.com",
    decision: "allow",
    rule: null,
    reason: "No rule stops this action.",
    until: null,
    approval: "not_needed",
    approvalReason: null,
  }) as GuardDecision;

function state(): GraphStateValue {
  const a = touch(1, "ana.lopez@acme.com");
  const b = touch(2, "carl.cfo@acme.com");
  return {
    run: {
      runId: RUN,
      threadId: "play:multi-step",
      correlationId: "corr-comp",
      requestEventId: `${RUN}:accepted`,
      now: FIXTURE_NOW.toISOString(),
      dryRun: false,
    },
    request: { kind: "play", play: "multi-step" },
    route: ["lead-engagement", "deal-closer"],
    handoffs: [],
    hops: 2,
    artefacts: {},
    summaries: [],
    proposals: [a, b, brokenMove],
    decisions: [allow(a, "-"), allow(b, "-"), allow(brokenMove, "opp-deleted-meanwhile")],
    effects: [],
    followUps: [],
    errors: [],
    answer: null,
  } as unknown as GraphStateValue;
}

function deps(): GraphDeps {
  return nodeTestDeps(store);
}

describe("compensation of a multi-step play that fails half-way", () => {
  it("cancels the started sequences newest first, then releases the lease, and records it all", async () => {
    await acquireLease(store.db, {
      accountDomain: "acme.com",
      holder: leaseHolder(RUN),
      runId: RUN,
      threadId: "play:multi-step",
      now: FIXTURE_NOW,
      ttlMs: 600_000,
    });
    const failure = await effectsNode(deps())(state()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error); // step 3 failed after steps 1 and 2 were done
    const done = await store.db.selectFrom("sequences").select(["id", "status"]).orderBy("id").execute();
    expect(done).toEqual([
      { id: "seq-1", status: "active" },
      { id: "seq-2", status: "active" },
    ]);

    const command = await deadLetterHandler(deps(), 3)(
      state(),
      new NodeError("execute_effects", failure as Error),
    );
    // After the effects node fails the run ends at respond, never back through the effects.
    expect(command.goto).toEqual(["respond"]);
    const update = command.update as { errors: { deadLetterId: string | null }[] };
    expect(update.errors[0]).toMatchObject({
      node: "execute_effects",
      deadLetterId: `${RUN}:execute_effects`,
    });

    const sequences = await store.db
      .selectFrom("sequences")
      .select(["id", "status", "ends_at"])
      .orderBy("id")
      .execute();
    expect(sequences).toEqual([
      { id: "seq-1", status: "cancelled", ends_at: FIXTURE_NOW.toISOString() },
      { id: "seq-2", status: "cancelled", ends_at: FIXTURE_NOW.toISOString() },
    ]);
    expect(await store.db.selectFrom("leases").selectAll().execute()).toEqual([]);
    // The touches already sent stay on record: they happened.
    expect(await store.db.selectFrom("outbox").select("action_type").execute()).toHaveLength(2);

    const letter = await store.db.selectFrom("dead_letters").selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(letter.state).compensation).toEqual([
      "cancelled sequence seq-2",
      "cancelled sequence seq-1",
      "released 1 account lease",
    ]);
    expect(letter.attempts).toBe(1); // a missing row is permanent: never retried
    const event = await store.db
      .selectFrom("events")
      .select("payload")
      .where("type", "=", "dead_lettered")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload).compensation).toHaveLength(3);
  });

  it("is a no-op the second time (a resumed handler compensates nothing twice)", async () => {
    await effectsNode(deps())(state()).catch(() => undefined);
    expect(await compensateRun(store.db, RUN, FIXTURE_NOW)).toEqual([
      "cancelled sequence seq-2",
      "cancelled sequence seq-1",
    ]);
    expect(await compensateRun(store.db, RUN, FIXTURE_NOW)).toEqual([]);
  });
});
