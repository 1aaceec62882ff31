import type { Logger } from "pino";

/** Runs the service accepted and is still working on; a shutdown waits for them to reach a step boundary. */
export class Tasks {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Keeps `work` until it settles; its failure is logged, never thrown into a request that already answered. */
  track<T>(work: Promise<T>): Promise<T> {
    const kept = work.catch((error: unknown) => {
      this.logger.error({ err: error }, "an accepted run failed in the background");
    });
    this.running.add(kept);
    void kept.finally(() => this.running.delete(kept));
    return work;
  }

  /** How many runs are in flight. */
  get size(): number {
    return this.running.size;
  }

  /** Waits until every tracked run has settled. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
