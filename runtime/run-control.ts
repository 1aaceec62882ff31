/** Why a drain was asked for: a signal's name, or a caller's reason. */
export type DrainReason = string;

/**
 * Graceful shutdown for the whole process: after `requestDrain()` no new run starts, the current run stops
 * at its next superstep boundary (through LangGraph's per-run RunControl; its checkpoint is saved), its
 * leases are released, and the next start resumes it.
 */
export class RunControl {
  private reason: DrainReason | null = null;
  private readonly listeners: ((reason: DrainReason) => void)[] = [];

  /** Asks everything to stop at the next safe point; asking twice keeps the first reason. */
  requestDrain(reason: DrainReason = "requested"): void {
    if (this.reason !== null) return;
    this.reason = reason;
    for (const listener of this.listeners) listener(reason);
  }

  /** Whether a drain was asked for. */
  get draining(): boolean {
    return this.reason !== null;
  }

  /** The reason given to the drain, or null. */
  get drainReason(): DrainReason | null {
    return this.reason;
  }

  /** Calls `listener` when a drain is asked for (at once if it already was); returns an unsubscribe. */
  onDrain(listener: (reason: DrainReason) => void): () => void {
    if (this.reason !== null) listener(this.reason);
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /**
   * Turns SIGTERM and SIGINT into a drain; a second signal exits at once with 130. Returns a function that
   * removes the handlers.
   */
  trapSignals(onSecond: () => void = () => process.exit(130)): () => void {
    const handler = (signal: NodeJS.Signals) => {
      if (this.draining) onSecond();
      else this.requestDrain(signal);
    };
    process.on("SIGTERM", handler);
    process.on("SIGINT", handler);
    return () => {
      process.off("SIGTERM", handler);
      process.off("SIGINT", handler);
    };
  }
}
