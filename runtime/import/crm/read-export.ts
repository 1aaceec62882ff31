import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../../domain/errors.ts";
import { isClosed, parseStage } from "../../../domain/pipeline/index.ts";
import { IMPORT_FILES, type ImportFileName } from "../files.ts";
import { type CsvFile, readCsv } from "../read-csv.ts";
import type { CrmMap } from "./map-schema.ts";
import { isoDate, pickKey, plainAmount, plainCount, plainFlag } from "./values.ts";

/** One export file read and mapped onto one of the import's files, its values already in the import's format. */
export interface MappedFile {
  name: ImportFileName;
  path: string;
  csv: CsvFile;
}

type Target = keyof CrmMap["files"];
const TARGETS: { target: Target; name: ImportFileName }[] = [
  { target: "accounts", name: "accounts.csv" },
  { target: "contacts", name: "contacts.csv" },
  { target: "opportunities", name: "opportunities.csv" },
  { target: "touches", name: "touches.csv" },
];
// Columns a CRM file carries beyond the import's own: the company's name and a won/lost status.
const EXTRA: Partial<Record<Target, readonly string[]>> = {
  contacts: ["company"],
  opportunities: ["company", "status"],
};

/**
 * Finds the export files a CRM map names in `dir` (by words in their names) and reads each onto the import's
 * columns, rewriting money, dates, checkboxes, stage and lifecycle names into the import's format. A UserError
 * (exit 2) when the folder is missing, holds none of them, or two files match one kind.
 */
export function readExport(dir: string, map: CrmMap): MappedFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(
      "import_dir_missing",
      `${dir} is not a folder; give the folder that holds the ${map.name} export files.`,
    );
  }
  const csvFiles = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  const found: MappedFile[] = [];
  const wanted: string[] = [];
  for (const { target, name } of TARGETS) {
    const spec = map.files[target];
    if (spec === undefined) continue;
    wanted.push(...spec.match);
    const matches = csvFiles.filter((f) =>
      spec.match.some((word) => f.toLowerCase().includes(word.toLowerCase())),
    );
    if (matches.length > 1) {
      throw new UserError(
        "import_files_ambiguous",
        `${matches.join(" and ")} in ${dir} both look like ${map.name} ${target}; keep one (or rename the other) and run the import again.`,
      );
    }
    const file = matches[0];
    if (file === undefined) continue;
    const columns = [...(IMPORT_FILES.find((f) => f.name === name)?.headers ?? []), ...(EXTRA[target] ?? [])];
    const mapped = spec.columns as Record<string, string | string[] | undefined>;
    const aliases = Object.fromEntries(
      Object.entries(mapped).map(([column, names]) => [
        column,
        typeof names === "string" ? [names] : (names ?? []),
      ]),
    );
    const required = requiredColumns(target);
    const path = join(dir, file);
    const csv = readCsv(path, columns, { aliases, optional: columns.filter((c) => !required.includes(c)) });
    found.push({
      name,
      path,
      csv: csv.ok
        ? { ...csv, rows: csv.rows.map((r) => ({ ...r, values: convert(target, r.values, map) })) }
        : csv,
    });
  }
  if (found.length === 0) {
    throw new UserError(
      "import_nothing_found",
      `${dir} holds no ${map.name} export file (a .csv whose name contains ${wanted.map((w) => `"${w}"`).join(", ")}); nothing to import.`,
    );
  }
  return found;
}

// What the map itself requires (zod's non-optional columns); the rest may be missing from the header.
function requiredColumns(target: Target): readonly string[] {
  switch (target) {
    case "accounts":
      return ["name"];
    case "contacts":
      return ["email", "created_at"];
    case "opportunities":
      return ["id", "name", "amount", "stage", "created_at"];
    case "touches":
      return ["id", "contact_email", "channel", "occurred_at"];
  }
}

function convert(target: Target, values: Record<string, string>, map: CrmMap): Record<string, string> {
  const v = { ...values };
  const date = (column: string) => {
    if (v[column] !== undefined) v[column] = isoDate(v[column], map.dates);
  };
  switch (target) {
    case "accounts":
      v.employees = plainCount(v.employees ?? "");
      break;
    case "contacts": {
      date("created_at");
      v.do_not_contact = plainFlag(v.do_not_contact ?? "");
      v.unsubscribed = plainFlag(v.unsubscribed ?? "");
      const lifecycle = map.files.contacts?.lifecycle;
      const stage = lifecycle && lookup(lifecycle, v.lifecycle_stage ?? "");
      if (stage) v.lifecycle_stage = stage;
      break;
    }
    case "opportunities": {
      date("created_at");
      date("closed_at");
      v.amount = plainAmount(v.amount ?? "");
      const spec = map.files.opportunities;
      const status = spec?.statuses && lookup(spec.statuses, v.status ?? "");
      const named = spec?.stages && lookup(spec.stages, v.stage ?? "");
      if (status === "closed_won" || status === "closed_lost") v.stage = status;
      else if (named) v.stage = named;
      const stage = parseStage(v.stage ?? "");
      // CRMs keep an expected close date on open deals; only a closed deal has closed for real.
      if (stage !== null && !isClosed(stage)) v.closed_at = "";
      if (stage === "closed_lost" && (v.lost_reason ?? "").trim() === "")
        v.lost_reason = `not recorded in the ${map.name} export`;
      break;
    }
    case "touches":
      date("occurred_at");
      break;
  }
  return v;
}

function lookup<T extends string>(table: Record<string, T>, value: string): T | undefined {
  const key = pickKey(value);
  if (key === "") return undefined;
  for (const [name, mapped] of Object.entries(table)) if (pickKey(name) === key) return mapped;
  return undefined;
}
