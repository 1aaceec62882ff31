import type { Command } from "commander";
import { openStore, resolveDbFile, type Store } from "../store/db.ts";
import { createOrchestrator } from "./app.ts";
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

/** Like `withContext`, plus an orchestrator over the same store (checkpoints in the same file). */
export async function withOrchestrator<T>(
  command: Command,
  fn: (ctx: CommandContext & { orchestrator: Orchestrator }) => Promise<T>,
  overrides: Parameters<typeof createOrchestrator>[2] = {},
): Promise<T> {
  return withContext(command, async (ctx) =>
    fn({ ...ctx, orchestrator: createOrchestrator(ctx.store, ctx.logger, overrides) }),
  );
}
