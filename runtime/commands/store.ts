import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { copyStore } from "../../store/copy/index.ts";
import { openStore } from "../../store/db.ts";
import { isPostgresUrl } from "../../store/postgres/url.ts";
import { requireStore, storeFile } from "../context.ts";

/** `growth store copy --to <postgres-url>`: moves an embedded store into an empty PostgreSQL database. */
export function storeCommand(): Command {
  const store = new Command("store").description("move a store between engines");
  store
    .command("copy")
    .description(
      "copy the embedded store (--db or GROWTH_DB; every table and every checkpoint) into an empty PostgreSQL database",
    )
    .requiredOption("--to <url>", "the target: postgres://user:password@host:5432/dbname (an empty database)")
    .option("--json", "print JSON")
    .action(async (options: { to: string; json?: boolean }, command: Command) => {
      if (!isPostgresUrl(options.to)) {
        throw new UserError("copy_target_invalid", "--to takes a postgres:// URL of an empty database.");
      }
      const from = storeFile(command);
      if (isPostgresUrl(from)) {
        throw new UserError(
          "copy_source_invalid",
          "store copy reads an embedded SQLite store: pass it with --db <file> (unset DATABASE_URL for this command).",
        );
      }
      requireStore(command);
      const source = await openStore(from);
      try {
        const target = await openStore(options.to);
        try {
          if (source.dialect !== "sqlite" || target.dialect !== "postgres") throw new Error("unreachable");
          const report = await copyStore(source, target);
          if (options.json) {
            console.log(JSON.stringify({ from: source.name, to: target.name, ...report }));
            return;
          }
          const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
          console.log(
            `Copied ${source.name} into ${target.name}: ${total.toLocaleString("en-US")} rows in ${Object.keys(report.rows).length} tables, ${report.checkpoints} checkpoints and ${report.writes} pending writes of ${report.threads} threads. Point DATABASE_URL at it to use it.`,
          );
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
  return store;
}
