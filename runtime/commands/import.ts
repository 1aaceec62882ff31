import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { withContext } from "../context.ts";
import {
  acceptedAny,
  findImportFiles,
  formatImportSummary,
  importDirectory,
  rejectedAny,
} from "../import/index.ts";

/**
 * `growth import <dir>`: imports accounts, contacts, opportunities and touches.csv from a folder. Each bad row
 * is one `file:line: reason` line on stderr; exit 0 when everything imported, 1 when some rows or files were
 * rejected but others imported, 2 when nothing could be imported (missing folder, no known file, bad headers).
 */
export function importCommand(): Command {
  return new Command("import")
    .description(
      "import accounts.csv, contacts.csv, opportunities.csv and touches.csv from a folder (idempotent upserts)",
    )
    .argument("<dir>", "folder holding any of the four CSV files")
    .action(async function runImport(this: Command, dir: string) {
      // Checked before the store is opened, so a typo does not create an empty store file.
      findImportFiles(dir);
      await withContext(this, async ({ store }) => {
        const result = await importDirectory(store.db, dir);
        for (const file of result.files) {
          for (const problem of file.problems)
            console.error(`${file.path}:${problem.line}: ${problem.reason}`);
        }
        console.log(formatImportSummary(result));
        if (!rejectedAny(result)) return;
        const rejected = result.files.reduce((n, f) => n + f.rejected + (f.readable ? 0 : 1), 0);
        if (!acceptedAny(result)) {
          throw new UserError(
            "import_nothing_imported",
            `nothing was imported from ${dir}: fix the ${rejected === 1 ? "problem" : `${rejected} problems`} listed above and run the import again.`,
          );
        }
        console.error(
          `${rejected} ${rejected === 1 ? "row or file was" : "rows or files were"} rejected; the rest was imported. Fix them and re-run: rows already imported stay unchanged.`,
        );
        process.exitCode = 1;
      });
    });
}
