import { Command, CommanderError } from "commander";
import { GrowthError } from "../domain/errors.ts";

/** Builds the `growth` program; each command lives in runtime/commands/. */
export function buildProgram(): Command {
  const program = new Command("growth")
    .description("Growth Engine: LLM agents for Business Development and Marketing under one orchestrator.")
    .option("--db <file>", "store file (default: $GROWTH_DB or .growth/growth.db)")
    .showHelpAfterError()
    .exitOverride();
  return program;
}

/** Runs the CLI and turns errors into one clear line and a non-zero exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof GrowthError) {
      console.error(`error: ${error.message}`);
      return error.kind === "user" ? 2 : 1;
    }
    console.error(error instanceof Error ? `error: ${error.message}` : `error: ${String(error)}`);
    return 1;
  }
}
