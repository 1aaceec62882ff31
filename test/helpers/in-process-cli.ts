import { CommanderError } from "commander";
import { vi } from "vitest";
import { main } from "../../runtime/cli.ts";

/** What one CLI invocation printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `growth <args>` inside the test process (no new Node, no TypeScript transform), capturing what it
 * prints and its exit code; `env` is set only for the call. Use `growth()` from cli.ts where the process
 * boundary itself is under test (signals, exit codes of a real process, standard input).
 */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const line =
    (sink: string[]) =>
    (...parts: unknown[]) =>
      void sink.push(`${parts.map(String).join(" ")}\n`);
  const chunk = (sink: string[]) => (text: string | Uint8Array) => {
    sink.push(typeof text === "string" ? text : Buffer.from(text).toString("utf8"));
    return true;
  };
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries({ GROWTH_LOG_LEVEL: "silent", ...options.env })) {
    saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const spies = [
    vi.spyOn(console, "log").mockImplementation(line(out)),
    vi.spyOn(console, "info").mockImplementation(line(out)),
    vi.spyOn(console, "error").mockImplementation(line(err)),
    vi.spyOn(console, "warn").mockImplementation(line(err)),
    vi.spyOn(process.stdout, "write").mockImplementation(chunk(out) as typeof process.stdout.write),
    vi.spyOn(process.stderr, "write").mockImplementation(chunk(err) as typeof process.stderr.write),
    // A subcommand's own --help or usage error exits the process; here it ends the call with that code.
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new CommanderError(Number(code ?? 0), "process.exit", `exit ${String(code ?? 0)}`);
    }),
  ];
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(["node", "growth", ...args]);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.exitCode = exitCode;
    for (const spy of spies) spy.mockRestore();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
