import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { loadModelConfig } from "../../models/config.ts";
import { startService } from "../../service/server.ts";
import { alertsFileFrom } from "../../telemetry/alerts/file-option.ts";
import { tracingWanted } from "../../telemetry/tracing.ts";
import { showModelNotice, withContext } from "../context.ts";

/** `growth serve`: the authenticated HTTP API (native /v1 and LangGraph SDK compatible) until SIGTERM. */
export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the HTTP API (/v1, LangGraph SDK compatible, /openapi.json, /docs) until SIGTERM")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", (v) => Number.parseInt(v, 10), 8787)
    .option("--schedule", "also run the scheduled plays on their cron")
    .option(
      "--alerts <file>",
      "evaluate the SLA alerts of this file in the background (default: GROWTH_ALERTS_FILE)",
    )
    .action(
      async (
        options: { host: string; port: number; schedule?: boolean; alerts?: string },
        command: Command,
      ) => {
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535)
          throw new UserError("port_invalid", "--port takes a whole number from 0 to 65535.");
        const alerts = alertsFileFrom(options.alerts);
        showModelNotice(loadModelConfig(process.env).notice);
        // Tracing is on only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the SDK loads only then.
        const tracing = tracingWanted(process.env)
          ? (await import("../../telemetry/setup.ts")).startTracing(process.env)
          : null;
        await withContext(command, async ({ store, logger }) => {
          const service = await startService({
            store,
            logger,
            host: options.host,
            port: options.port,
            schedule: options.schedule,
            tracing,
            ...(alerts ? { alerts: { file: alerts } } : {}),
          });
          console.log(`growth serve listening on ${service.url} (docs at ${service.url}/docs)`);
          await new Promise<void>((resolve) => {
            process.once("SIGTERM", resolve);
            process.once("SIGINT", resolve);
          });
          console.log(
            "Draining: no new requests; runs stop at a step boundary and resume on the next start.",
          );
          await service.stop();
          await tracing?.shutdown();
          console.log("Stopped.");
        });
      },
    );
}
