import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { loadModelConfig } from "../../models/config.ts";
import { startService } from "../../service/server.ts";
import { showModelNotice, withContext } from "../context.ts";

/** `growth serve`: the authenticated HTTP API (native /v1 and LangGraph SDK compatible) until SIGTERM. */
export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the HTTP API (/v1, LangGraph SDK compatible, /openapi.json, /docs) until SIGTERM")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", (v) => Number.parseInt(v, 10), 8787)
    .option("--schedule", "also run the scheduled plays on their cron")
    .action(async (options: { host: string; port: number; schedule?: boolean }, command: Command) => {
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535)
        throw new UserError("port_invalid", "--port takes a whole number from 0 to 65535.");
      showModelNotice(loadModelConfig(process.env).notice);
      await withContext(command, async ({ store, logger }) => {
        const service = await startService({
          store,
          logger,
          host: options.host,
          port: options.port,
          schedule: options.schedule,
        });
        console.log(`growth serve listening on ${service.url} (docs at ${service.url}/docs)`);
        await new Promise<void>((resolve) => {
          process.once("SIGTERM", resolve);
          process.once("SIGINT", resolve);
        });
        console.log("Draining: no new requests; runs stop at a step boundary and resume on the next start.");
        await service.stop();
        console.log("Stopped.");
      });
    });
}
