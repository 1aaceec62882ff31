import { basename } from "node:path";
import type { FileImport, ImportResult } from "./import-directory.ts";

/** A table of what each file did (read, inserted, updated, unchanged, rejected), for the terminal. */
export function formatImportSummary(result: ImportResult): string {
  const rows = [
    ["file", "read", "inserted", "updated", "unchanged", "rejected"],
    ...result.files.map((f) =>
      f.readable
        ? [label(f), f.read, f.inserted, f.updated, f.unchanged, f.rejected].map(String)
        : [label(f), "-", "-", "-", "-", "-"],
    ),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const table = rows.map((row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
  );
  const unread = result.files
    .filter((f) => !f.readable)
    .map((f) => `${f.file}: not imported (see the error above)`);
  return [...table, ...unread].join("\n");
}

// A CRM export's file is named beside the import file it was read as: "contacts.csv (all-contacts.csv)".
function label(f: FileImport): string {
  const name = basename(f.path);
  return name === f.file ? f.file : `${f.file} (${name})`;
}
