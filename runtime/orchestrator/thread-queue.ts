/** Serialises work per thread inside this process: one account's runs never overlap. */
export class ThreadQueue {
  private readonly threads = new Map<string, Promise<unknown>>();

  /** Runs `work` after everything already queued on the thread, whether that succeeded or failed. */
  run<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.threads.get(threadId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.threads.set(threadId, settled);
    void settled.then(() => {
      if (this.threads.get(threadId) === settled) this.threads.delete(threadId);
    });
    return next;
  }
}
