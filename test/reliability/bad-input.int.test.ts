import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GrowthError, UserError } from "../../domain/errors.ts";
import { MAX_EVENT_DATA_CHARS } from "../../domain/events.ts";
import { createOrchestrator } from "../../runtime/app.ts";
import { demoCommand } from "../../runtime/commands/demo.ts";
import { readJsonInput } from "../../runtime/commands/emit.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { Orchestrator } from "../../runtime/orchestrator.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let store: Store;
let dir: string;
let cleanup: () => Promise<void>;
let orchestrator: Orchestrator;
beforeEach(async () => {
  ({ store, dir, cleanup } = await fixtureStore());
  orchestrator = createOrchestrator(store, createLogger({ level: "silent" }), { clock: () => FIXTURE_NOW });
});
afterEach(async () => cleanup());

async function refusal(
  promise: Promise<unknown> | (() => unknown),
): Promise<{ code: string; message: string }> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof GrowthError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("oversized payloads", () => {
  it("refuses an event file over 1 MB before parsing it", async () => {
    const file = join(dir, "big.json");
    writeFileSync(file, JSON.stringify({ pad: "x".repeat(1_000_001) }));
    expect(await refusal(() => readJsonInput(file))).toEqual({
      code: "input_too_large",
      message: `${file} is larger than 1 MB; send events one by one.`,
    });
  });

  it("refuses an event whose data is over the size cap, naming the field, and starts no run", async () => {
    const event = {
      ...leadQualified("ana.lopez@acme.com"),
      data: { score: 82, notes: "x".repeat(MAX_EVENT_DATA_CHARS) },
    };
    const { code, message } = await refusal(orchestrator.submitEvent(event));
    expect(code).toBe("event_invalid");
    expect(message).toMatch(/data: data is larger than [\d,]+ characters; send a reference, not the payload/);
    expect(await store.db.selectFrom("runs").selectAll().execute()).toEqual([]);
  });
});

describe("resume payloads and verdicts", () => {
  it("refuse a malformed answer, an unknown approval, an empty edit and a run that is not waiting", async () => {
    const waiting = await orchestrator.submitEvent(leadQualified("carl.cfo@acme.com"), { at: FIXTURE_NOW });
    expect(waiting.status).toBe("waiting_approval");
    const approvalId = waiting.pendingApprovals[0]!.approvalId;

    expect((await refusal(orchestrator.resume(waiting.runId, { verdicts: [] }))).code).toBe("resume_invalid");
    expect((await refusal(orchestrator.resume(waiting.runId, "approve"))).code).toBe("resume_invalid");
    const unknown = await refusal(
      orchestrator.resume(waiting.runId, { verdicts: [{ approvalId: "nope", verdict: "approve" }] }),
    );
    expect(unknown.code).toBe("approval_unknown");
    expect(unknown.message).toContain(`pending: ${approvalId}`);
    expect((await refusal(orchestrator.decide(approvalId, { verdict: "maybe" }))).code).toBe(
      "verdict_invalid",
    );
    expect((await refusal(orchestrator.decide(approvalId, { verdict: "edit" }))).message).toBe(
      "An edit needs at least one change: --subject, --body, --discount or --terms.",
    );
    expect(
      (await refusal(orchestrator.decide(approvalId, { verdict: "edit", edit: { to: "x@y.com" } }))).code,
    ).toBe("verdict_invalid"); // an edit may change content, never the recipient
    expect(await store.db.selectFrom("outbox").selectAll().execute()).toEqual([]);

    await orchestrator.decide(approvalId, { verdict: "reject", by: "qa" });
    expect((await refusal(orchestrator.resume(waiting.runId, { verdicts: [] }))).code).toBe(
      "run_not_waiting",
    );
    expect((await refusal(orchestrator.redrive("no-such-letter"))).code).toBe("dead_letter_unknown");
  });
});

describe("CLI arguments", () => {
  it("refuses an out-of-range --events with what to pass, before opening a store", async () => {
    const program = new Command("growth")
      .option("--db <file>")
      .exitOverride()
      .addCommand(demoCommand().exitOverride());
    const attempt = program.parseAsync([
      "node",
      "growth",
      "--db",
      join(dir, "never.db"),
      "demo",
      "--events",
      "0",
    ]);
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow("--events takes a whole number from 1 to 100000.");
  });

  it("refuses a chat turn that is empty or too long", async () => {
    expect((await refusal(orchestrator.chat("   ", "c1"))).code).toBe("chat_empty");
    expect((await refusal(orchestrator.chat("x".repeat(4_001), "c1"))).code).toBe("chat_too_long");
  });
});

describe("logs", () => {
  it("redact emails, message bodies and keys", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "info", destination: sink });
    logger.info(
      {
        action: { contactEmail: "carl.cfo@acme.com", body: "Hi Carl", subject: "Pricing" },
        apiKey: "sk-123",
      },
      "sent",
    );
    const line = lines.join("");
    for (const secret of ["carl.cfo@acme.com", "Hi Carl", "Pricing", "sk-123"])
      expect(line).not.toContain(secret);
    expect(line).toContain("[redacted]");
  });
});
