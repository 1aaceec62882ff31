import type { RunBus, RunSignal } from "./run-bus.ts";

/** Buffers one run's signals from the moment it is accepted and replays them to one reader until it ends. */
export class RunFeed {
  private readonly items: RunSignal[] = [];
  private wake: () => void = () => undefined;
  private finished = false;
  private detach: () => void = () => undefined;

  /** Starts listening to `runId` on the bus. */
  attach(bus: RunBus, runId: string): void {
    this.detach = bus.subscribe(runId, (signal) => {
      this.items.push(signal);
      this.wake();
    });
  }

  /** No more signals will come: the run finished, paused or failed. */
  finish(): void {
    this.finished = true;
    this.detach();
    this.wake();
  }

  /** Every signal in order, ending once the run has finished and all were read. */
  async *signals(): AsyncGenerator<RunSignal> {
    let read = 0;
    for (;;) {
      if (read < this.items.length) {
        yield this.items[read++]!;
        continue;
      }
      if (this.finished) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
}
