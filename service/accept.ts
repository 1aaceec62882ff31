import type { SubmitOptions } from "../runtime/orchestrator.ts";
import type { RunOutcome } from "../runtime/outcome.ts";
import type { Tasks } from "./tasks.ts";

/** A run as the API reports it the moment it is accepted (persisted), before it has run. */
export interface AcceptedRun {
  run_id: string;
  thread_id: string;
  correlation_id: string;
  /** "accepted" for a new run, "duplicate" when the same request was accepted before (this is that run). */
  status: "accepted" | "duplicate";
}

/**
 * Starts a submission and resolves once its run is persisted: `accepted` then, `done` when it finishes. A
 * refusal before acceptance (bad input) rejects `accepted`; the run itself keeps going whoever listens.
 */
export function acceptRun(
  tasks: Tasks,
  submit: (options: Pick<SubmitOptions, "onAccepted">) => Promise<RunOutcome>,
): { accepted: Promise<AcceptedRun>; done: Promise<RunOutcome> } {
  let resolveAccepted: (run: AcceptedRun) => void = () => undefined;
  const accepted = new Promise<AcceptedRun>((resolve) => {
    resolveAccepted = resolve;
  });
  const done = tasks.track(
    submit({
      onAccepted: (a) =>
        resolveAccepted({
          run_id: a.runId,
          thread_id: a.threadId,
          correlation_id: a.correlationId,
          status: a.created ? "accepted" : "duplicate",
        }),
    }),
  );
  return { accepted: Promise.race([accepted, done.then(() => accepted)]), done };
}
