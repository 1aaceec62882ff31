import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_POLICY } from "../../graph/approval-policy.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { RunControl } from "../../runtime/run-control.ts";
import type { Store } from "../../store/db.ts";
import { getRun } from "../../store/repos/runs.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let store: Store;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await fixtureStore());
});
afterEach(async () => cleanup());

const logger = createLogger({ level: "silent" });
const count = async (table: "outbox" | "leases" | "touches") =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select(store.db.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("RunControl.requestDrain()", () => {
  it("stops a run at the superstep boundary after the guard, releases its lease, and a resume finishes it once", async () => {
    const control = new RunControl();
    const steps: string[] = [];
    // The guard consults the approval policy after it has taken the account lease: ask for the drain there,
    // as a SIGTERM arriving mid-node would. The run must stop before the next node (the approval gate).
    class DrainWhenAsked extends RegExp {
      override test(text: string): boolean {
        control.requestDrain("test");
        return super.test(text);
      }
    }
    const first = createOrchestrator(store, logger, {
      clock: () => FIXTURE_NOW,
      control,
      approvalPolicy: { ...DEFAULT_APPROVAL_POLICY, executiveTitle: new DrainWhenAsked("\\bchief\\b", "i") },
      onStep: ({ node }) => steps.push(node),
    });
    const parked = await first.submitEvent(leadQualified("ana.lopez@acme.com", "drain-1"), {
      at: FIXTURE_NOW,
    });
    expect(parked.status).toBe("queued");
    expect(parked.answer).toMatch(/Stopped at a checkpoint because a shutdown is draining/);
    expect(steps).not.toContain("approval_gate");
    expect(control.draining).toBe(true);
    expect((await getRun(store.db, parked.runId))?.status).toBe("queued");
    expect(await count("leases")).toBe(0); // the guard took acme.com's lease; the drain gave it back
    expect(await count("outbox")).toBe(0);

    // While draining, a new request is accepted (persisted) but not started.
    const later = await first.submitEvent(leadQualified("ivan.ops@initech.com", "drain-2"), {
      at: FIXTURE_NOW,
    });
    expect(later.status).toBe("queued");
    expect(later.route).toEqual([]);

    const next = createOrchestrator(store, logger, { clock: () => FIXTURE_NOW });
    const resumed = await next.resumeUnfinished();
    const byRun = new Map(resumed.map((o) => [o.runId, o]));
    expect(byRun.size).toBe(2);
    expect(byRun.get(later.runId)?.status).toBe("completed");
    const finished = byRun.get(parked.runId)!;
    expect(finished.status).toBe("completed");
    // It continued from the approval gate: its agent did not run again, and it sent its one touch.
    expect(finished.route).toEqual(["lead-engagement"]);
    expect(finished.effects.map((e) => e.status)).toEqual(["executed"]);
    expect(await count("outbox")).toBe(2);
    expect(await count("leases")).toBe(0);
    expect(await next.resumeUnfinished()).toEqual([]);
  });

  it("keeps the first reason and tells listeners once", () => {
    const control = new RunControl();
    const heard: string[] = [];
    control.onDrain((reason) => heard.push(reason));
    expect(control.draining).toBe(false);
    control.requestDrain("SIGTERM");
    control.requestDrain("SIGINT");
    expect(control.drainReason).toBe("SIGTERM");
    expect(heard).toEqual(["SIGTERM"]);
  });
});
