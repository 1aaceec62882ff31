import { existsSync } from "node:fs";
import { Command } from "commander";
import { UserError } from "../../domain/errors.ts";
import { escapeControl } from "../../domain/text-safety.ts";
import { storeFile, withContext } from "../context.ts";
import { builtInMap, CRM_NAMES, type CrmMap, loadCrmMap } from "../import/crm/index.ts";
import { readExport } from "../import/crm/read-export.ts";
import {
  acceptedAny,
  findImportFiles,
  formatImportSummary,
  type ImportResult,
  importDirectory,
  rejectedAny,
} from "../import/index.ts";

/**
 * `growth import <dir> [--from crm | --map file.json] [--dry-run]`: imports accounts, contacts, opportunities
 * and touches from a folder, in the import's own format or a CRM's export. Each bad row is one
 * `file:line: reason` line on stderr; exit 0 when everything imported, 1 when some rows or files were rejected
 * but others imported, 2 when nothing could be imported (missing folder, no known file, bad headers).
 */
export function importCommand(): Command {
  return new Command("import")
    .description(
      "import accounts, contacts, opportunities and touches from a folder: the project's own CSV files, or a HubSpot, Salesforce or Pipedrive export (idempotent upserts)",
    )
    .argument("<dir>", "folder holding the CSV files")
    .option("--from <crm>", `the folder holds a CRM's standard export: ${CRM_NAMES.join(", ")}`)
    .option("--map <file.json>", "the folder holds another CRM's export, mapped by this file (see FORMAT.md)")
    .option("--dry-run", "show what would be imported, writing nothing")
    .action(async function runImport(this: Command, dir: string) {
      const options = this.opts<{ from?: string; map?: string; dryRun?: boolean }>();
      if (options.from !== undefined && options.map !== undefined) {
        throw new UserError("import_source_twice", "give --from or --map, not both.");
      }
      const map: CrmMap | undefined =
        options.from !== undefined
          ? builtInMap(options.from)
          : options.map !== undefined
            ? loadCrmMap(options.map)
            : undefined;
      // Checked before the store is opened, so a typo does not create an empty store file.
      if (map) readExport(dir, map);
      else findImportFiles(dir);
      // A dry run writes nothing, not even a new store file: with none yet, it runs against an empty one in memory.
      const file = options.dryRun && !existsSync(storeFile(this)) ? ":memory:" : undefined;
      await withContext(
        this,
        async ({ store }) => {
          const result = await importDirectory(store.db, dir, { map, dryRun: options.dryRun });
          report(result, dir);
        },
        { file },
      );
    });
}

function report(result: ImportResult, dir: string): void {
  for (const file of result.files) {
    for (const problem of file.problems)
      console.error(escapeControl(`${file.path}:${problem.line}: ${problem.reason}`));
    for (const warning of file.warnings)
      console.error(escapeControl(`${file.path}:${warning.line}: warning: ${warning.reason}`));
  }
  if (result.unresolved.length > 0) {
    const names = result.unresolved.map((u) => `"${u.name}" (${u.rows} row${u.rows === 1 ? "" : "s"})`);
    console.error(
      escapeControl(
        `company names not resolved to a domain: ${names.join(", ")}; add the company with its domain or website to the accounts export, or a contact with a company email.`,
      ),
    );
  }
  if (result.dryRun) console.log("dry run: nothing was written; this is what the import would do.");
  console.log(formatImportSummary(result));
  if (!rejectedAny(result)) return;
  const rejected = result.files.reduce((n, f) => n + f.rejected + (f.readable ? 0 : 1), 0);
  if (!acceptedAny(result)) {
    throw new UserError(
      "import_nothing_imported",
      `nothing ${result.dryRun ? "would be" : "was"} imported from ${dir}: fix the ${rejected === 1 ? "problem" : `${rejected} problems`} listed above and run the import again.`,
    );
  }
  console.error(
    result.dryRun
      ? `${rejected} ${rejected === 1 ? "row or file would be" : "rows or files would be"} rejected; the rest would be imported.`
      : `${rejected} ${rejected === 1 ? "row or file was" : "rows or files were"} rejected; the rest was imported. Fix them and re-run: rows already imported stay unchanged.`,
  );
  process.exitCode = 1;
}
