// Runs the real `growth` CLI (and `node -e 0`) as child processes under /usr/bin/time, for wall time and the
// child's peak RSS: what a user pays at start-up and for `growth report` on a store.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { median } from "./stats.ts";

const BIN = join(import.meta.dirname, "..", "bin", "growth.js");
const TIME = "/usr/bin/time";

/** One child run: wall ms and peak RSS in MB (NaN when /usr/bin/time is missing). */
export interface ChildRun {
  wallMs: number;
  maxRssMb: number;
}

/** Runs `node args…` once, with output discarded; throws when it fails. */
export function runNode(args: readonly string[]): ChildRun {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const argv = timed ? ["-f", "maxrss_kb=%M", process.execPath, ...args] : [...args];
  const started = performance.now();
  const result = spawnSync(command, argv, {
    encoding: "utf8",
    env: { ...process.env, GROWTH_LOG_LEVEL: "silent" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(-500)}`);
  }
  const rss = /maxrss_kb=(\d+)/.exec(result.stderr);
  return { wallMs, maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

/** Runs the growth CLI with `args` `times` times; the median wall and the largest peak RSS. */
export function growthRuns(args: readonly string[], times: number): ChildRun {
  return medianRun(() => runNode([BIN, ...args]), times);
}

/** `node -e 0`, the floor every start-up is compared with. */
export function nodeFloor(times: number): ChildRun {
  return medianRun(() => runNode(["-e", "0"]), times);
}

function medianRun(run: () => ChildRun, times: number): ChildRun {
  const runs = Array.from({ length: times }, run);
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
  };
}
