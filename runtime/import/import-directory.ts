import type { Kysely } from "kysely";
import type { z } from "zod";
import { recordImport } from "../../store/data-origin.ts";
import { accountNames } from "../../store/import/account-names.ts";
import { importAccounts } from "../../store/import/accounts.ts";
import { importContacts } from "../../store/import/contacts.ts";
import { importOpportunities } from "../../store/import/opportunities.ts";
import { type RowOutcome, rolledBack } from "../../store/import/shared.ts";
import { importTouches } from "../../store/import/touches.ts";
import type { Database } from "../../store/schema.ts";
import { type CrmMap, resolveCompanies, type UnresolvedCompany } from "./crm/index.ts";
import { type MappedFile, readExport } from "./crm/read-export.ts";
import { findImportFiles, type ImportFileName } from "./files.ts";
import { formulaWarnings } from "./formula-warnings.ts";
import { type CsvRow, type LineProblem, readCsv } from "./read-csv.ts";
import { AccountCsvRow, ContactCsvRow, OpportunityCsvRow, TouchCsvRow } from "./schemas.ts";

/** What importing one file did; `problems` name the physical line (the header is line 1). */
export interface FileImport {
  file: ImportFileName;
  path: string;
  /** False when the file could not be read at all (wrong header, empty): nothing of it was imported. */
  readable: boolean;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: LineProblem[];
  /** Values kept but worth a look (a spreadsheet would read them as formulas); never counted as rejected. */
  warnings: LineProblem[];
}

/** The whole import: one entry per file found, in import order. */
export interface ImportResult {
  files: FileImport[];
  /** Company names (from a CRM export) that could not be tied to a domain. */
  unresolved: UnresolvedCompany[];
  /** True when nothing was written: the counts say what the import would do. */
  dryRun: boolean;
}

/** How to import: from a CRM's export (its map) rather than the import's own files, and whether to write. */
export interface ImportOptions {
  now?: Date;
  /** A CRM export's map (`--from`, `--map`); without one the folder holds the import's own four files. */
  map?: CrmMap;
  /** Work everything out and report it, but roll back every write. */
  dryRun?: boolean;
}

/** How one file's rows are checked, keyed and written. */
interface Plan<T extends object> {
  schema: z.ZodType<T, Record<string, string>>;
  key: (row: T) => string;
  keyName: string;
  write: (rows: (T & { line: number })[]) => Promise<RowOutcome[]>;
}

/**
 * Imports whichever of accounts, contacts, opportunities and touches.csv the folder holds (or a CRM's export
 * files, mapped onto them), in that order, each file's good rows in one transaction; bad rows are reported by
 * line and skipped. Throws a UserError when the folder is missing or holds none of the files.
 */
export async function importDirectory(
  db: Kysely<Database>,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const files = options.map ? readExport(dir, options.map) : readOwnFiles(dir);
  const run = async (target: Kysely<Database>): Promise<ImportResult> => {
    const unresolved = options.map ? resolveCompanies(files, await accountNames(target)) : [];
    const results: FileImport[] = [];
    for (const file of files) results.push(await importOne(target, file, now));
    const wrote = results.filter((f) => f.inserted + f.updated > 0);
    if (wrote.length > 0)
      await recordImport(
        target,
        wrote.map((f) => ({ file: f.file, inserted: f.inserted, updated: f.updated })),
        now,
      );
    return { files: results, unresolved, dryRun: options.dryRun ?? false };
  };
  return options.dryRun ? rolledBack(db, run) : run(db);
}

function readOwnFiles(dir: string): MappedFile[] {
  return findImportFiles(dir).map((f) => ({ name: f.name, path: f.path, csv: readCsv(f.path, f.headers) }));
}

/** Whether anything was accepted (inserted, updated or found unchanged) across the import. */
export function acceptedAny(result: ImportResult): boolean {
  return result.files.some((f) => f.inserted + f.updated + f.unchanged > 0);
}

/** Whether any row or file was rejected. */
export function rejectedAny(result: ImportResult): boolean {
  return result.files.some((f) => !f.readable || f.problems.length > 0);
}

function importOne(db: Kysely<Database>, found: MappedFile, now: Date): Promise<FileImport> {
  switch (found.name) {
    case "accounts.csv":
      return importFile(found, {
        schema: AccountCsvRow,
        key: (r) => r.domain,
        keyName: "domain",
        write: (rows) => importAccounts(db, rows, now),
      });
    case "contacts.csv":
      return importFile(found, {
        schema: ContactCsvRow,
        key: (r) => r.email,
        keyName: "email",
        write: (rows) => importContacts(db, rows, now),
      });
    case "opportunities.csv":
      return importFile(found, {
        schema: OpportunityCsvRow,
        key: (r) => r.id,
        keyName: "id",
        write: (rows) => importOpportunities(db, rows, now),
      });
    case "touches.csv":
      return importFile(found, {
        schema: TouchCsvRow,
        key: (r) => r.id,
        keyName: "id",
        write: (rows) => importTouches(db, rows),
      });
  }
}

async function importFile<T extends object>(found: MappedFile, plan: Plan<T>): Promise<FileImport> {
  const result: FileImport = {
    file: found.name,
    path: found.path,
    readable: false,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
    warnings: [],
  };
  const csv = found.csv;
  if (!csv.ok) return { ...result, rejected: 0, problems: [csv.problem] };
  const problems = [...csv.problems];
  const good: (T & { line: number })[] = [];
  const firstLine = new Map<string, number>();
  for (const row of csv.rows) {
    const parsed = validate(plan.schema, row);
    if (!parsed.ok) {
      problems.push({ line: row.line, reason: unresolvedReason(row) ?? parsed.reason });
      continue;
    }
    const id = plan.key(parsed.row);
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        reason: `duplicate ${plan.keyName} "${id}" (first on line ${earlier}); the first row is kept`,
      });
      continue;
    }
    firstLine.set(id, row.line);
    good.push({ ...parsed.row, line: row.line });
  }
  for (const outcome of good.length > 0 ? await plan.write(good) : []) {
    if (outcome.outcome === "rejected") problems.push({ line: outcome.line, reason: outcome.reason });
    else result[outcome.outcome] += 1;
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    ...result,
    readable: true,
    read: csv.rows.length + csv.problems.length,
    rejected: problems.length,
    problems,
    warnings: formulaWarnings(found.name, csv.rows),
  };
}

function validate<T>(
  schema: z.ZodType<T, Record<string, string>>,
  row: CsvRow,
): { ok: true; row: T } | { ok: false; reason: string } {
  const parsed = schema.safeParse(row.values);
  if (parsed.success) return { ok: true, row: parsed.data };
  return { ok: false, reason: parsed.error.issues.map((i) => i.message).join("; ") };
}

// A CRM row whose company name found no domain says so, rather than that a column it never had is empty.
function unresolvedReason(row: CsvRow): string | null {
  const company = (row.values.company ?? "").trim();
  if (company === "" || (row.values.account_domain ?? "").trim() !== "") return null;
  return `company "${company}" could not be resolved to a domain (no account with that name, no contact email at it); add it with its website to the accounts export`;
}
