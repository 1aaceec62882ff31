import { Command } from "commander";
import { migrations } from "../../store/migrations/index.ts";
import { withContext } from "../context.ts";

/** `growth migrate [--json]`: brings the store's schema (and the checkpointer's tables) to this version's. */
export function migrateCommand(): Command {
  return new Command("migrate")
    .description(
      "apply pending schema migrations to the store (also done at every start-up); safe when several processes start at once",
    )
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withContext(command, async ({ store }) => {
        const known = Object.keys(migrations(store.dialect));
        const { applied } = store.migrated;
        if (options.json) {
          console.log(
            JSON.stringify({ store: store.name, dialect: store.dialect, applied, latest: known.at(-1) }),
          );
          return;
        }
        console.log(
          applied.length > 0
            ? `Migrated ${store.name} (${store.dialect}): applied ${applied.join(", ")}.`
            : `${store.name} (${store.dialect}) is up to date: ${known.length} migrations, latest ${known.at(-1)}.`,
        );
      });
    });
}
