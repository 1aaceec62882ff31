/** The deadline settings of LLM mode: one budget per run, from which every timeout is derived. */
export interface DeadlineSettings {
  /** How long a run (or chat turn) may spend from its first model call to its answer. */
  readonly runMs: number;
  /** Kept back at the end of the run for the playbook fallback; model calls stop before it. */
  readonly playbookReserveMs: number;
  /** An attempt with less time than this left is not started (it could not finish). */
  readonly minAttemptMs: number;
  /** The share of the model time the chat router may spend. */
  readonly routerShare: number;
}

/** Defaults chosen so a provider that never answers still yields the playbook's answer within 60 s. */
export const DEFAULT_DEADLINE: DeadlineSettings = {
  runMs: 40_000,
  playbookReserveMs: 5_000,
  minAttemptMs: 1_000,
  routerShare: 0.25,
};

/** The timeout of one agent node: the run's whole deadline plus the playbook's reserve, never less. */
export function agentNodeTimeoutMs(settings: DeadlineSettings): number {
  return settings.runMs + settings.playbookReserveMs;
}

/** Where one path (router, primary, secondary) must stop: an absolute time in ms since the epoch. */
export type PathDeadline = number;

/**
 * The deadlines of the runs in this process, keyed by run id; a run's clock starts at its first model
 * call (the chat router's, or the first agent's) and every later call gets what remains of it.
 */
export function deadlineBook(settings: DeadlineSettings, now: () => number = Date.now) {
  const starts = new Map<string, number>();
  const modelEnd = (runId: string | null): number => {
    const at = now();
    if (runId === null) return at + settings.runMs - settings.playbookReserveMs;
    let start = starts.get(runId);
    if (start === undefined) {
      start = at;
      starts.set(runId, start);
      // Forget runs whose deadline passed long ago, so the book stays small.
      for (const [id, s] of starts) if (s + 10 * settings.runMs < at) starts.delete(id);
    }
    return start + settings.runMs - settings.playbookReserveMs;
  };
  return {
    settings,
    /** The router's deadline: its share of what remains of the run's model time. */
    router(runId: string | null): PathDeadline {
      const end = modelEnd(runId);
      const at = now();
      return at + Math.max(0, (end - at) * settings.routerShare);
    },
    /** The deadline of an agent's primary path: half of what remains when a secondary follows, else all. */
    primary(runId: string | null, hasSecondary: boolean): PathDeadline {
      const end = modelEnd(runId);
      const at = now();
      return hasSecondary ? at + Math.max(0, (end - at) / 2) : end;
    },
    /** The deadline of the secondary path: the rest of the run's model time. */
    secondary(runId: string | null): PathDeadline {
      return modelEnd(runId);
    },
  };
}

/** One process's deadlines. */
export type DeadlineBook = ReturnType<typeof deadlineBook>;
