import type { Logger } from "pino";

/** A running reclaim loop; `stop()` ends it and waits for a pass in progress. */
export interface Reclaim {
  stop(): Promise<void>;
}

/**
 * Calls `resume` (the orchestrator's `resumeUnfinished`) every `everyMs` on an unref'd timer, one pass at a time,
 * so a long-lived process (serve, schedule) takes over the runs of a process that died after it started, once
 * their lease expires. A failed pass is logged and the next one tries again.
 */
export function reclaimEvery(everyMs: number, resume: () => Promise<unknown>, logger: Logger): Reclaim {
  let pass: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (pass) return;
    pass = resume()
      .then(() => undefined)
      .catch((error: unknown) => logger.warn({ err: error }, "resuming runs of dead owners failed"))
      .finally(() => {
        pass = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pass;
    },
  };
}
