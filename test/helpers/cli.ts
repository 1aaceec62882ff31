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

/** Runs `growth` inside this process through `main()`, capturing what it prints (see in-process-cli.ts). */
export { runCli as growthInProcess } from "./in-process-cli.ts";

/** Like `growth`, without blocking this process: for CLI runs against a server in this process (the wire mock). */
export async function growthAsync(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const { execFile } = await import("node:child_process");
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, GROWTH_LOG_LEVEL: "silent", ...options.env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
