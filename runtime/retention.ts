import type { Kysely } from "kysely";
import { UserError } from "../domain/errors.ts";
import { pruneCheckpoints, type ThreadPrune } from "../store/repos/checkpoints.ts";
import type { Database } from "../store/schema.ts";
import { parseIsoTime } from "./import/index.ts";

const HOUR_MS = 3_600_000;

/** How long a finished play keeps its last checkpoint (for `growth trace`) before pruning removes it. */
export const DEFAULT_PLAY_GRACE = "7d";

/** What one prune did (or, in a dry run, would do). */
export interface PruneReport {
  readonly dryRun: boolean;
  readonly playsFinishedBefore: string;
  readonly threads: readonly ThreadPrune[];
  readonly checkpoints: number;
  readonly writes: number;
}

/** Turns `7d`, `24h` or an ISO 8601 date or time into the cutoff it means; anything else is a UserError. */
export function parseOlderThan(text: string, now: Date): Date {
  const relative = /^(\d{1,6})([dh])$/.exec(text.trim());
  if (relative) {
    const hours = Number(relative[1]) * (relative[2] === "d" ? 24 : 1);
    return new Date(now.getTime() - hours * HOUR_MS);
  }
  const at = parseIsoTime(text);
  if (at === null) {
    throw new UserError(
      "older_than_invalid",
      `--older-than "${text}" is not an age or a date; write it like 7d (days), 24h (hours) or an ISO date such as 2025-03-31.`,
    );
  }
  return at;
}

/**
 * Checkpoint retention: settled threads keep only their latest checkpoint, finished plays older than
 * the cutoff keep none, and threads with a paused, queued or running run keep everything.
 */
export async function pruneStore(
  db: Kysely<Database>,
  options: { olderThan?: string; now?: Date; dryRun?: boolean } = {},
): Promise<PruneReport> {
  const cutoff = parseOlderThan(options.olderThan ?? DEFAULT_PLAY_GRACE, options.now ?? new Date());
  const dryRun = options.dryRun ?? false;
  const threads = await pruneCheckpoints(db, { playsFinishedBefore: cutoff, dryRun });
  return {
    dryRun,
    playsFinishedBefore: cutoff.toISOString(),
    threads,
    checkpoints: threads.reduce((n, t) => n + t.checkpoints, 0),
    writes: threads.reduce((n, t) => n + t.writes, 0),
  };
}

/** One line for people: what a prune removed, or would remove. */
export function pruneSummary(report: PruneReport): string {
  const what = `${report.checkpoints} checkpoints and ${report.writes} pending writes from ${report.threads.length} threads`;
  return report.dryRun ? `Would remove ${what} (dry run: nothing changed).` : `Removed ${what}.`;
}
