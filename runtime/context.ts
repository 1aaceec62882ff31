import type { Command } from "commander";
import { loadModelConfig } from "../models/config.ts";
import { openStore, resolveDbFile, type Store } from "../store/db.ts";
import { loadReliabilityState } from "../store/repos/reliability-state.ts";
import { type AppOptions, createApp, type ModelMode } from "./app.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { Orchestrator } from "./orchestrator.ts";

/** What every command gets: the open store and the process logger. */
export interface CommandContext {
  store: Store;
  logger: Logger;
}

/** Opens the store named by the global `--db` option (or GROWTH_DB), runs `fn`, and always closes it. */
export async function withContext<T>(command: Command, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const globals = command.optsWithGlobals<{ db?: string }>();
  const store = await openStore(resolveDbFile(globals.db));
  const logger = createLogger().child({ db: store.file });
  try {
    return await fn({ store, logger });
  } finally {
    await store.close();
  }
}

let noticeShown = false;

/** Writes the model config's notice (e.g. "no key: playbook mode") to stderr, once per process. */
export function showModelNotice(
  notice: string | null,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  if (!notice || noticeShown) return;
  noticeShown = true;
  write(`${notice}\n`);
}

/**
 * Like `withContext`, plus an orchestrator over the same store in the mode the environment configures.
 * A bad model config is a UserError before the store is opened or anything runs.
 */
export async function withOrchestrator<T>(
  command: Command,
  fn: (ctx: CommandContext & { orchestrator: Orchestrator; models: ModelMode }) => Promise<T>,
  overrides: AppOptions = {},
): Promise<T> {
  const { config, notice } = loadModelConfig(overrides.env ?? process.env);
  showModelNotice(notice);
  return withContext(command, async (ctx) => {
    const reliability = await loadReliabilityState(ctx.store.db);
    const { orchestrator, models, flush } = createApp(ctx.store, ctx.logger, {
      modelConfig: config,
      reliability,
      ...overrides,
    });
    try {
      return await fn({ ...ctx, orchestrator, models });
    } finally {
      await flush();
    }
  });
}
