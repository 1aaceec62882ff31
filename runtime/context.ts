import { existsSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../domain/errors.ts";
import { loadModelConfig } from "../models/config.ts";
import { isReadOnly, openStore, readOnlyStore, resolveStoreLocation, type Store } from "../store/db.ts";
import { isPostgresUrl } from "../store/postgres/url.ts";
import { loadReliabilityState } from "../store/repos/reliability-state.ts";
import type { AppOptions, ModelMode } from "./app.ts";
import { createLogger, type Logger } from "./logger.ts";
import { type IntakeQueue, intakeQueueFor } from "./orchestrator/queue.ts";
import type { Orchestrator } from "./orchestrator.ts";
import { ownershipSettings, RunOwner } from "./ownership/index.ts";

/** What every command gets: the open store and the process logger. */
export interface CommandContext {
  store: Store;
  logger: Logger;
}

/** The store the global `--db` option (or DATABASE_URL, or GROWTH_DB, or the default) names: a file or a URL. */
export function storeFile(command: Command): string {
  return resolveStoreLocation(command.optsWithGlobals<{ db?: string }>().db);
}

/**
 * Refuses (exit 2) a store file that does not exist, for commands that only read: opening it would create an
 * empty store and print an empty answer.
 */
export function requireStore(command: Command): void {
  const file = storeFile(command);
  if (file === ":memory:" || isPostgresUrl(file) || existsSync(file)) return;
  throw new UserError(
    "store_missing",
    `no store at ${file}; run \`growth seed\` or \`growth import\` first.`,
  );
}

/**
 * Opens the store named by the global `--db` option (or DATABASE_URL or GROWTH_DB; `file` overrides them), runs `fn`, and
 * always closes it.
 */
export async function withContext<T>(
  command: Command,
  fn: (ctx: CommandContext) => Promise<T>,
  options: { file?: string } = {},
): Promise<T> {
  const store = await openStore(options.file ?? storeFile(command));
  const logger = createLogger().child({ db: store.name });
  try {
    return await fn({ store, logger });
  } catch (error) {
    throw isReadOnly(error) ? readOnlyStore(store.name, error) : error;
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
  overrides: AppOptions & {
    dispatch?: IntakeQueue["dispatch"];
    ownerRole?: string;
    /** Where the orchestrator reports node and agent latencies, built once the store is open. */
    telemetryFor?: (store: Store) => NonNullable<AppOptions["telemetry"]>;
  } = {},
): Promise<T> {
  const { config, notice } = loadModelConfig(overrides.env ?? process.env);
  showModelNotice(notice);
  // Loaded here, not at the top: LangGraph, LangChain and the agents load only for commands that run the graph.
  const { createApp } = await import("./app.ts");
  // Tracing is on only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the SDK loads only then.
  const env = overrides.env ?? process.env;
  const tracing = (await import("../telemetry/tracing.ts")).tracingWanted(env)
    ? (await import("../telemetry/setup.ts")).startTracing(env)
    : null;
  return withContext(command, async (ctx) => {
    const reliability = await loadReliabilityState(ctx.store.db);
    const { dispatch, ownerRole, telemetryFor, ...options } = overrides;
    const { orchestrator, models, flush } = createApp(ctx.store, ctx.logger, {
      modelConfig: config,
      reliability,
      ...(ownerRole
        ? {
            owner: new RunOwner(ctx.store.db, {
              ...ownershipSettings(),
              role: ownerRole,
              logger: ctx.logger,
            }),
          }
        : {}),
      // On Postgres each accepted run's job is enqueued with it: run here (a safety net job) or by workers.
      queue: intakeQueueFor(ctx.store, dispatch ?? "inline"),
      ...(telemetryFor ? { telemetry: telemetryFor(ctx.store) } : {}),
      ...options,
    });
    try {
      return await fn({ ...ctx, orchestrator, models });
    } finally {
      await orchestrator.close();
      await flush();
      await tracing?.shutdown();
    }
  });
}
