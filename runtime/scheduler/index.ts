import { Cron } from "croner";
import type { Logger } from "pino";
import { UserError } from "../../domain/errors.ts";
import { findPlay, PLAYS, type Play } from "../../graph/routes.ts";

/** What the scheduler needs of the orchestrator: one run of a named play, keyed so a tick never runs twice. */
export type PlayRunner = (play: Play, tick: Date) => Promise<void>;

/** A running schedule of plays; `stop()` ends every job (the process can then drain and exit). */
export interface Schedule {
  readonly jobs: readonly { play: Play; next: Date | null }[];
  stop(): void;
}

/** The plays a schedule runs: all of them, or the ones named (an unknown name is refused up front). */
export function selectPlays(names: readonly string[]): Play[] {
  if (names.length === 0) return [...PLAYS];
  return names.map((name) => {
    const play = findPlay(name);
    if (!play) {
      throw new UserError(
        "play_unknown",
        `There is no play "${name}"; choose one of: ${PLAYS.map((p) => p.name).join(", ")}.`,
      );
    }
    return play;
  });
}

/**
 * The plays on another cron than their own (`--cron`): a faster cadence for a trial, or one a team prefers. An
 * expression croner cannot read is refused up front with croner's reason.
 */
export function onCron(plays: readonly Play[], cron: string | undefined): Play[] {
  if (cron === undefined) return [...plays];
  try {
    new Cron(cron, { paused: true }).stop();
  } catch (error) {
    throw new UserError(
      "cron_invalid",
      `--cron "${cron}" is not a cron expression (${(error as Error).message}); give 5 or 6 fields, e.g. "*/10 * * * * *" for every 10 seconds.`,
    );
  }
  return plays.map((play) => ({ ...play, cron }));
}

// A timer can fire a little late or, after clock adjustments, a little early: the slot is the latest scheduled
// time at or before half a second after the firing (plays fire at most once a second). croner's
// `previousRuns(1, r)` is the latest scheduled time before r's whole second, hence the extra second.
const SLOT_LOOKUP_MS = 500 + 1000;

/**
 * The scheduled time a tick belongs to (seconds, no milliseconds), not the moment the timer fired: two
 * schedulers firing the same slot a few milliseconds apart give it the same key, so intake runs it once.
 */
export function scheduledSlot(cron: Cron, firedAt: Date): Date {
  return cron.previousRuns(1, new Date(firedAt.getTime() + SLOT_LOOKUP_MS))[0] ?? firedAt;
}

/** Starts one croner job per play; overlapping ticks of one play are skipped (croner's `protect`), errors logged. */
export function startSchedule(
  plays: readonly Play[],
  run: PlayRunner,
  logger: Logger,
  timezone = "UTC",
): Schedule {
  const crons = plays.map(
    (play) =>
      new Cron(
        play.cron,
        {
          // No croner `name`: names are unique per process, and two schedules (a test, or serve beside schedule
          // in one process) may hold the same play.
          timezone,
          protect: true,
          catch: (error) => logger.error({ err: error, play: play.name }, "scheduled play failed"),
        },
        async function tick(self: Cron) {
          await run(play, scheduledSlot(self, new Date()));
        },
      ),
  );
  return {
    jobs: crons.map((c, i) => ({ play: plays[i]!, next: c.nextRun() })),
    stop() {
      for (const c of crons) c.stop();
    },
  };
}
