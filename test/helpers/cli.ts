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

/**
 * Runs `growth` inside this process through `main()`, capturing what it prints; cheaper than `growth()` on a
 * shared machine. Standard input cannot be given (use `growth()` for `-`).
 */
export async function growthInProcess(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const { main } = await import("../../runtime/cli.ts");
  const out: string[] = [];
  const err: string[] = [];
  // The commands print through the console; it is swapped for capture, then put back.
  const terminal = globalThis.console;
  const saved = {
    log: terminal.log,
    error: terminal.error,
    warn: terminal.warn,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    env: { ...process.env },
    exitCode: process.exitCode,
  };
  const capture =
    (into: string[]) =>
    (...parts: unknown[]) => {
      into.push(`${parts.map(String).join(" ")}\n`);
    };
  terminal.log = capture(out);
  terminal.error = capture(err);
  terminal.warn = capture(err);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  Object.assign(process.env, { GROWTH_LOG_LEVEL: "silent", ...options.env });
  process.exitCode = undefined;
  try {
    const code = await main(["node", "growth", ...args]);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    terminal.log = saved.log;
    terminal.error = saved.error;
    terminal.warn = saved.warn;
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
    process.exitCode = saved.exitCode;
  }
}

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
