/**
 * Test-only fault injection. `GROWTH_CRASH_AT=<point>:<n>[,<point>:<n>…]` makes the process kill itself
 * with SIGKILL on the n-th time it reaches a point (a node's name, or `effects:claimed` between the outbox
 * claim and the touch). Unset, it does nothing; nothing reads the variable on import.
 */
export interface CrashPoints {
  /** Counts one arrival at `point` and kills the process when it is the configured one. */
  hit(point: string): void;
}

const NONE: CrashPoints = { hit: () => undefined };

/** Parses the crash-point spec; a malformed spec fails at start-up so a test cannot silently crash nowhere. */
export function crashPoints(spec: string | undefined, kill: () => void = selfKill): CrashPoints {
  if (!spec?.trim()) return NONE;
  const targets = new Map<string, number>();
  for (const part of spec.split(",")) {
    const match = /^([\w:-]+):(\d+)$/.exec(part.trim());
    if (!match || Number(match[2]) < 1) {
      throw new Error(`GROWTH_CRASH_AT "${part}" is not <point>:<n> with n ≥ 1, e.g. execute_effects:2.`);
    }
    targets.set(match[1]!, Number(match[2]));
  }
  const seen = new Map<string, number>();
  return {
    hit(point: string): void {
      const target = targets.get(point);
      if (target === undefined) return;
      const count = (seen.get(point) ?? 0) + 1;
      seen.set(point, count);
      if (count === target) kill();
    },
  };
}

/** Wraps a node so every entry to it counts as an arrival at the point of its name. */
export function withCrashPoint<A extends unknown[], R>(
  points: CrashPoints,
  name: string,
  node: (...args: A) => R,
): (...args: A) => R {
  return function crashPointNode(...args: A): R {
    points.hit(name);
    return node(...args);
  };
}

function selfKill(): void {
  process.kill(process.pid, "SIGKILL");
}
