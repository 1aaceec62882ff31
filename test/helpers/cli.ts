import { spawnSync } from "node:child_process";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "..", "bin", "growth.js");

/** Runs the real `growth` CLI in a new process, as a user would. */
export function growth(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, GROWTH_LOG_LEVEL: "silent", ...options.env },
    timeout: 110_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
