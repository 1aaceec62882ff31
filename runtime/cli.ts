import { Command, CommanderError } from "commander";
import { GrowthError } from "../domain/errors.ts";
import { escapeControl } from "../domain/text-safety.ts";
import { approvalsCommand } from "./commands/approvals.ts";
import { askCommand } from "./commands/ask.ts";
import { chatCommand } from "./commands/chat.ts";
import { demoCommand } from "./commands/demo.ts";
import { dlqCommand } from "./commands/dlq.ts";
import { emitCommand } from "./commands/emit.ts";
import { evalCommand } from "./commands/eval.ts";
import { healthCommand } from "./commands/health.ts";
import { importCommand } from "./commands/import.ts";
import { keysCommand } from "./commands/keys.ts";
import { playCommand, playsCommand, scheduleCommand } from "./commands/play.ts";
import { promptsCommand } from "./commands/prompts.ts";
import { reportCommand } from "./commands/report.ts";
import { resumeCommand } from "./commands/resume.ts";
import { runsCommand, traceCommand } from "./commands/runs.ts";
import { seedCommand } from "./commands/seed.ts";
import { serveCommand } from "./commands/serve.ts";
import { usageCommand } from "./commands/usage.ts";

/** Builds the `growth` program; each command lives in runtime/commands/. */
export function buildProgram(): Command {
  const program = new Command("growth")
    .description("Growth Engine: LLM agents for Business Development and Marketing under one orchestrator.")
    .option("--db <file>", "store file (default: $GROWTH_DB or .growth/growth.db)")
    .showHelpAfterError()
    .exitOverride();
  for (const command of [
    demoCommand(),
    seedCommand(),
    importCommand(),
    reportCommand(),
    emitCommand(),
    askCommand(),
    chatCommand(),
    approvalsCommand(),
    runsCommand(),
    traceCommand(),
    playsCommand(),
    playCommand(),
    scheduleCommand(),
    promptsCommand(),
    usageCommand(),
    evalCommand(),
    resumeCommand(),
    dlqCommand(),
    healthCommand(),
    keysCommand(),
    serveCommand(),
  ]) {
    program.addCommand(command);
  }
  return program;
}

// Commander's own errors are bad input (unknown command or option, missing argument): exit 2, as README
// says; help and version output keep the code Commander gives (0).
const COMMANDER_OK = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

/** Runs the CLI and turns errors into one clear line and a non-zero exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Every subcommand throws instead of exiting and escapes what it echoes, so a typed control character
  // cannot drive the terminal.
  const all = [program];
  for (let i = 0; i < all.length; i += 1) all.push(...(all[i]?.commands ?? []));
  for (const command of all) {
    command.exitOverride().configureOutput({
      outputError: (text, write) => write(escapeControl(text)),
    });
  }
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return COMMANDER_OK.has(error.code) ? error.exitCode : 2;
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
