import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SystemError, UserError } from "../../domain/errors.ts";
import type { AgentRunner } from "../../graph/deps.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { dlqCommand } from "../../runtime/commands/dlq.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Store } from "../../store/db.ts";
import { getDeadLetter, listDeadLetters } from "../../store/repos/dead-letters.ts";
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

/** An orchestrator whose lead-engagement agent always fails with `error`; the others run their playbooks. */
function failing(error: Error) {
  let calls = 0;
  const runAgent: AgentRunner = async (agent, input, kit) => {
    if (agent.id !== "lead-engagement") return agent.playbook(input, kit);
    calls++;
    throw error;
  };
  const orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), {
    clock: () => FIXTURE_NOW,
    runAgent,
  });
  return { orchestrator, calls: () => calls };
}

async function cli(...args: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  try {
    await new Command("growth")
      .option("--db <file>")
      .exitOverride()
      .addCommand(dlqCommand().exitOverride())
      .parseAsync(["node", "growth", "--db", file, "dlq", ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

describe("dead letters", () => {
  it("keep the request, a state snapshot, the error chain and the attempts of a permanent failure", async () => {
    const { orchestrator, calls } = failing(
      new SystemError("crm_down", "The CRM refused the write.", { cause: new Error("ECONNRESET") }),
    );
    const outcome = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "dlq-1"));
    // Finished, but a step was dead-lettered: the run is failed and answers with the error.
    expect(outcome.status).toBe("failed");
    expect(outcome.answer).toContain("Error in lead-engagement");
    expect(outcome.errors).toHaveLength(1);
    expect(calls()).toBe(1); // permanent: never retried
    const [letter] = await listDeadLetters(store.db, "open");
    expect(letter).toMatchObject({ node: "lead-engagement", attempts: 1, run_id: outcome.runId });
    expect(JSON.parse(letter!.event)).toMatchObject({
      kind: "event",
      event: { entity_id: "ana.lopez@acme.com" },
    });
    // The snapshot is the state the failing node saw: nothing proposed yet, nothing to compensate.
    expect(JSON.parse(letter!.state)).toMatchObject({
      route: [],
      proposals: [],
      effects: [],
      compensation: [],
    });
    expect(JSON.parse(letter!.error)).toEqual([
      { name: "SystemError", code: "crm_down", message: "The CRM refused the write." },
      { name: "Error", code: null, message: "ECONNRESET" },
    ]);
    expect(await store.db.selectFrom("outbox").selectAll().execute()).toHaveLength(0);
  });

  it("count every attempt of a transient failure (retried up to 3 in all)", async () => {
    const { orchestrator, calls } = failing(
      new SystemError("rate_limited", "Slow down.", { transient: true }),
    );
    await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "dlq-2"));
    expect(calls()).toBe(3);
    const [letter] = await listDeadLetters(store.db, "open");
    expect(letter?.attempts).toBe(3);
  });

  it("are listed, shown, redriven once and discarded through `growth dlq`", async () => {
    const { orchestrator } = failing(new SystemError("crm_down", "The CRM refused the write."));
    const first = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "dlq-3"));
    await orchestrator.submitEvent(leadQualified("ivan.ops@initech.com", "dlq-4"));
    const id = first.errors[0]!.deadLetterId!;

    const listed = await cli("list");
    expect(listed).toContain(id);
    expect(listed).toContain("crm_down");
    expect(
      listed.split("\n").filter((line) => / open +lead-engagement +crm_down +1 attempt /.test(line)),
    ).toHaveLength(2);

    const shown = await cli("show", id);
    expect(shown).toContain("1. SystemError [crm_down]: The CRM refused the write.");
    expect(shown).toContain('"entity_id": "ana.lopez@acme.com"');
    expect(shown).toContain("attempts: 1");

    // The redrive runs on a healthy runner (the CLI's own) and the agent now proposes the touch.
    const redriven = await cli("redrive", id);
    expect(redriven).toMatch(new RegExp(`^Redrove ${id} as run \\S+: completed, 1 effect, 0 errors\\.$`));
    expect((await getDeadLetter(store.db, id))?.status).toBe("redriven");
    const sent = await store.db.selectFrom("outbox").select("run_id").execute();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.run_id).not.toBe(first.runId);

    await expect(cli("redrive", id)).rejects.toThrow(/already redriven/);
    await expect(cli("discard", id)).rejects.toBeInstanceOf(UserError);
    await expect(cli("show", "nope")).rejects.toThrow(/There is no dead letter nope; see `growth dlq list`/);

    const other = (await listDeadLetters(store.db, "open"))[0]!.id;
    expect(await cli("discard", other)).toBe(`Discarded ${other}.`);
    expect(await cli("list")).toBe("No open dead letters.");
    expect(await cli("list", "--all")).toContain("discarded");
  });
});
