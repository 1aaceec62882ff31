import type { AttemptReport } from "../../models/client.ts";
import { costUsd, NO_USAGE, type PriceTable } from "../../models/prices.ts";
import type { LlmCallOutcome, LlmCallRecord } from "../../store/repos/llm-calls.ts";
import type { LlmCallContext } from "./run-context.ts";

/** Where ledger rows go; the runtime passes `(call) => recordLlmCall(db, call)`. */
export type LedgerSink = (call: LlmCallRecord) => Promise<void>;

/** Who is calling: the agent (or `supervisor`), its prompt, and the run's ids. */
export interface CallIdentity {
  readonly agent: string;
  readonly prompt: { id: string; version: string; hash: string } | null;
  readonly context: LlmCallContext;
}

/**
 * Records the attempts of one step: failed attempts at once, the successful one when the caller
 * knows whether its output was usable (ok, repaired or invalid).
 */
export function stepRecorder(
  sink: LedgerSink | undefined,
  prices: PriceTable,
  who: CallIdentity,
  step: number,
  clock: () => Date,
) {
  let pending: AttemptReport | null = null;
  const write = (report: AttemptReport, outcome: LlmCallOutcome) =>
    sink?.({
      ...who.context,
      agent: who.agent,
      prompt: who.prompt,
      provider: report.provider,
      model: report.model,
      step,
      attempt: report.attempt,
      usage: report.usage ?? NO_USAGE,
      latencyMs: report.latencyMs,
      costUsd: report.usage ? costUsd(prices, report.provider, report.model, report.usage) : 0,
      outcome,
      errorCode: report.errorCode,
      at: clock(),
    }) ?? Promise.resolve();
  return {
    async onAttempt(report: AttemptReport): Promise<void> {
      if (report.outcome === "ok") pending = report;
      else await write(report, report.outcome);
    },
    /** Writes the successful attempt with what became of its output. */
    async settle(outcome: LlmCallOutcome): Promise<void> {
      const report = pending;
      pending = null;
      if (report) await write(report, outcome);
    },
  };
}

/** Records that the playbook served an agent after the models failed (a path marker, no tokens). */
export async function recordFallback(
  sink: LedgerSink | undefined,
  who: CallIdentity,
  reason: string,
  clock: () => Date,
) {
  await sink?.({
    ...who.context,
    agent: who.agent,
    prompt: who.prompt,
    provider: "playbook",
    model: "playbook",
    step: 0,
    attempt: 0,
    usage: NO_USAGE,
    latencyMs: 0,
    costUsd: 0,
    outcome: "fallback",
    errorCode: reason,
    at: clock(),
  });
}
