import { Command } from "commander";
import { withContext } from "../context.ts";
import { createKey, listKeys, revokeKey } from "../keys/index.ts";

/** `growth keys create|list|revoke`: API keys of `growth serve`, stored hashed. */
export function keysCommand(): Command {
  const keys = new Command("keys").description("API keys for `growth serve` (stored hashed; shown once)");
  keys
    .command("create")
    .description("create a key and print it once")
    .requiredOption("--name <who>", "who holds the key; recorded as the decider of approvals")
    .requiredOption("--role <role>", "viewer, operator, approver or admin")
    .option("--expires-in <days>", "the key stops working this many days from now (default: until revoked)")
    .action(async (options: { name: string; role: string; expiresIn?: string }, command: Command) => {
      await withContext(command, async ({ store }) => {
        const { key, view } = await createKey(store.db, {
          name: options.name,
          role: options.role,
          ...(options.expiresIn === undefined ? {} : { expiresInDays: Number(options.expiresIn) }),
        });
        console.log(key);
        const until = view.expires_at ? `, expiring ${view.expires_at}` : "";
        console.error(
          `Created key ${view.id} for ${view.name} (${view.role})${until}. It is shown only this once.`,
        );
      });
    });
  keys
    .command("list", { isDefault: true })
    .description("list keys (never the secrets)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withContext(command, async ({ store }) => {
        const rows = await listKeys(store.db);
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0)
          console.log("No keys. Create one with `growth keys create --name <who> --role <role>`.");
        for (const k of rows)
          console.log(
            `${k.id}  ${k.prefix}…  ${k.name.padEnd(16)} ${k.role.padEnd(9)} ${k.revoked_at ? `revoked ${k.revoked_at}` : `since ${k.created_at}`}${k.expires_at && !k.revoked_at ? ` expires ${k.expires_at}` : ""}`,
          );
      });
    });
  keys
    .command("revoke")
    .description("revoke a key by id or name")
    .argument("<id-or-name>", "key id or holder name")
    .action(async (idOrName: string, _options: unknown, command: Command) => {
      await withContext(command, async ({ store }) => {
        const n = await revokeKey(store.db, idOrName);
        console.log(`Revoked ${n} key${n === 1 ? "" : "s"}.`);
      });
    });
  return keys;
}
