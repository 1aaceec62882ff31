import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOrchestrator } from "../../runtime/app.ts";
import { healthCommand } from "../../runtime/commands/health.ts";
import { resumeCommand } from "../../runtime/commands/resume.ts";
import { createLogger } from "../../runtime/logger.ts";
import { RunControl } from "../../runtime/run-control.ts";
import type { Store } from "../../store/db.ts";
import { decideApproval } from "../../store/repos/approvals.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let store: Store;
let file: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, file, cleanup } = await fixtureStore());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

async function cli(command: Command, ...args: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  try {
    await new Command("growth")
      .option("--db <file>")
      .exitOverride()
      .addCommand(command.exitOverride())
      .parseAsync(["node", "growth", "--db", file, ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

/** Leaves one run stopped at a checkpoint, as a drained shutdown would. */
async function parkOne(): Promise<string> {
  const control = new RunControl();
  control.requestDrain("test");
  const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
    control,
  });
  const parked = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "resume-1"), {
    at: FIXTURE_NOW,
  });
  expect(parked.status).toBe("queued");
  return parked.runId;
}

describe("growth resume", () => {
  it("says there is nothing to resume on a store with no unfinished run", async () => {
    expect(await cli(resumeCommand(), "resume")).toBe(
      "Nothing to resume: every run finished or waits for a person (see `growth approvals`).",
    );
  });

  it("resumes a run left unfinished and reports it once", async () => {
    const runId = await parkOne();
    const out = await cli(resumeCommand(), "resume", "--json");
    expect(JSON.parse(out)).toEqual([
      {
        run_id: runId,
        thread_id: "account:acme.com",
        status: "completed",
        route: ["lead-engagement"],
        effects: 1,
        pending_approvals: 0,
      },
    ]);
    expect(await cli(resumeCommand(), "resume", "--json")).toBe("[]");
  });
});

describe("resume after a crash between a verdict and the resume", () => {
  it("resumes a run whose approvals were all decided with the recorded verdicts", async () => {
    const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
      clock: () => FIXTURE_NOW,
    });
    const waiting = await orchestrator.submitEvent(leadQualified("carl.cfo@acme.com", "resume-2"), {
      at: FIXTURE_NOW,
    });
    expect(waiting.status).toBe("waiting_approval");
    // The verdict is written; the process dies before the run resumes.
    await decideApproval(store.db, waiting.pendingApprovals[0]!.approvalId, {
      status: "approved",
      by: "qa",
      note: null,
      at: FIXTURE_NOW,
    });
    const out = JSON.parse(await cli(resumeCommand(), "resume", "--json"));
    expect(out).toMatchObject([{ run_id: waiting.runId, status: "completed", effects: 1 }]);
    const sent = await store.db.selectFrom("outbox").select("run_id").execute();
    expect(sent).toEqual([{ run_id: waiting.runId }]);
  });
});

describe("growth health", () => {
  it("shows every agent's breaker and budget, and the store's unfinished runs", async () => {
    await parkOne();
    const report = JSON.parse(await cli(healthCommand(), "health", "--json"));
    expect(report.agents).toHaveLength(10);
    expect(report.agents[0]).toMatchObject({ breaker: "closed", retriesAvailable: 10, retryCapacity: 10 });
    expect(report.runs).toEqual({ unfinished: 1, waiting_approval: 0, completed: 0 });
    expect(report.dead_letters).toEqual({ open: 0, by_node: {} });
    expect(report.leases_held).toBe(0);
    expect(report.event_log_gaps).toBe(0);
    const text = await cli(healthCommand(), "health");
    expect(text).toContain("runs: 1 unfinished (run `growth resume`)");
    expect(text).toMatch(/lead-engagement\s+closed\s+10\/10\s+0\/4/);
  });
});
