import { Command, CommanderError } from "commander";
import { GrowthError } from "../domain/errors.ts";
import { escapeControl } from "../domain/text-safety.ts";

/** One `growth` command: its name and one-line summary, and how to load it only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// `growth --help` prints from this table alone; `growth <cmd>` loads only that command's module (and so
// only what it imports), which keeps start-up light. A new command is one line here.
/** Every `growth` command, in the order `growth --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "demo",
    summary: "seed if empty, play growth events through the graph, print the report",
    load: () => import("./commands/demo.ts").then((m) => m.demoCommand()),
  },
  {
    name: "seed",
    summary: "fill an empty store with a seeded, reproducible B2B demo dataset",
    load: () => import("./commands/seed.ts").then((m) => m.seedCommand()),
  },
  {
    name: "import",
    summary: "import accounts, contacts, opportunities and touches CSVs from a folder",
    load: () => import("./commands/import.ts").then((m) => m.importCommand()),
  },
  {
    name: "report",
    summary: "print the growth report: pipeline, funnel, win rate, velocity, attribution",
    load: () => import("./commands/report.ts").then((m) => m.reportCommand()),
  },
  {
    name: "emit",
    summary: "run one growth event (a JSON file or -) and print what it did",
    load: () => import("./commands/emit.ts").then((m) => m.emitCommand()),
  },
  {
    name: "ask",
    summary: "ask the orchestrator one thing and print the answer",
    load: () => import("./commands/ask.ts").then((m) => m.askCommand()),
  },
  {
    name: "chat",
    summary: "talk to the orchestrator, answering approvals inline",
    load: () => import("./commands/chat.ts").then((m) => m.chatCommand()),
  },
  {
    name: "approvals",
    summary: "list, approve, reject or edit pending approvals",
    load: () => import("./commands/approvals.ts").then((m) => m.approvalsCommand()),
  },
  {
    name: "runs",
    summary: "list recent runs with their status",
    load: () => import("./commands/runs.ts").then((m) => m.runsCommand()),
  },
  {
    name: "trace",
    summary: "show what happened for a correlation id or run id",
    load: () => import("./commands/runs.ts").then((m) => m.traceCommand()),
  },
  {
    name: "plays",
    summary: "list the scheduled plays",
    load: () => import("./commands/play.ts").then((m) => m.playsCommand()),
  },
  {
    name: "play",
    summary: "run one scheduled play now",
    load: () => import("./commands/play.ts").then((m) => m.playCommand()),
  },
  {
    name: "schedule",
    summary: "run the scheduled plays on their cron until stopped",
    load: () => import("./commands/play.ts").then((m) => m.scheduleCommand()),
  },
  {
    name: "worker",
    summary: "take accepted runs from the queue (PostgreSQL) and execute them",
    load: () => import("./commands/worker.ts").then((m) => m.workerCommand()),
  },
  {
    name: "workers",
    summary: "list worker and service processes with their last heartbeat",
    load: () => import("./commands/workers.ts").then((m) => m.workersCommand()),
  },
  {
    name: "prune",
    summary: "remove checkpoints that resume and trace no longer need",
    load: () => import("./commands/prune.ts").then((m) => m.pruneCommand()),
  },
  {
    name: "prompts",
    summary: "versioned prompts: list, show, diff, check and lock",
    load: () => import("./commands/prompts.ts").then((m) => m.promptsCommand()),
  },
  {
    name: "usage",
    summary: "summarise the LLM ledger: calls, tokens and cost",
    load: () => import("./commands/usage.ts").then((m) => m.usageCommand()),
  },
  {
    name: "eval",
    summary: "run the eval suites and compare with evals/baseline.json",
    load: () => import("./commands/eval.ts").then((m) => m.evalCommand()),
  },
  {
    name: "resume",
    summary: "finish runs a stop or crash left unfinished",
    load: () => import("./commands/resume.ts").then((m) => m.resumeCommand()),
  },
  {
    name: "dlq",
    summary: "dead letters: list, show, redrive or close them",
    load: () => import("./commands/dlq.ts").then((m) => m.dlqCommand()),
  },
  {
    name: "health",
    summary: "show breakers, retry budgets, bulkheads and the store's open work",
    load: () => import("./commands/health.ts").then((m) => m.healthCommand()),
  },
  {
    name: "migrate",
    summary: "apply pending schema migrations to the store (SQLite file or DATABASE_URL)",
    load: () => import("./commands/migrate.ts").then((m) => m.migrateCommand()),
  },
  {
    name: "store",
    summary: "copy an embedded store into PostgreSQL (store copy --to URL)",
    load: () => import("./commands/store.ts").then((m) => m.storeCommand()),
  },
  {
    name: "serve",
    summary: "serve the HTTP API (native /v1 and the LangGraph SDK subset) until SIGTERM",
    load: () => import("./commands/serve.ts").then((m) => m.serveCommand()),
  },
  {
    name: "keys",
    summary: "API keys of the service: create, list, revoke",
    load: () => import("./commands/keys.ts").then((m) => m.keysCommand()),
  },
];

/** The command an argv runs (`growth [--db f] <name>` or `growth help <name>`), if any. */
export function commandNameOf(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--db") i++;
    else if (!arg.startsWith("-")) words.push(arg);
    if (words.length === 2 || (words.length === 1 && words[0] !== "help")) break;
  }
  return words[0] === "help" ? words[1] : words[0];
}

/**
 * Builds the `growth` program: every command of COMMANDS is listed, but only `load`ed (`all`, or the one
 * the argv names) gets its real options and action; each command lives in runtime/commands/.
 */
export async function buildProgram(argv: readonly string[] = [], all = false): Promise<Command> {
  const program = new Command("growth")
    .description("Growth Engine: LLM agents for Business Development and Marketing under one orchestrator.")
    .option(
      "--db <file|url>",
      "store file or postgres:// URL (default: $DATABASE_URL, $GROWTH_DB or .growth/growth.db)",
    )
    .showHelpAfterError()
    .exitOverride();
  const wanted = commandNameOf(argv);
  for (const entry of COMMANDS) {
    const command =
      all || entry.name === wanted ? await entry.load() : new Command(entry.name).description(entry.summary);
    program.addCommand(command.summary(entry.summary));
  }
  return program;
}

// Commander's own errors are bad input (unknown command or option, missing argument): exit 2, as README
// says; help and version output keep the code Commander gives (0).
const COMMANDER_OK = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

/** Runs the CLI and turns errors into one clear line and a non-zero exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    // Every subcommand throws instead of exiting and escapes what it echoes, so a typed control character
    // cannot drive the terminal.
    const all = [program];
    for (let i = 0; i < all.length; i += 1) all.push(...(all[i]?.commands ?? []));
    for (const command of all) {
      command.exitOverride().configureOutput({
        outputError: (text, write) => write(escapeControl(text)),
      });
    }
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // `growth` with no command shows the help as an error (Commander's exit code 1): a missing argument, so 2.
    if (error instanceof CommanderError) return COMMANDER_OK.has(error.code) && error.exitCode === 0 ? 0 : 2;
    if (error instanceof GrowthError) {
      console.error(`error: ${escapeControl(error.message)}`);
      return error.kind === "user" ? 2 : 1;
    }
    console.error(
      escapeControl(error instanceof Error ? `error: ${error.message}` : `error: ${String(error)}`),
    );
    return 1;
  }
}
