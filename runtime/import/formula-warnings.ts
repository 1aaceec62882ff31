import { escapeControl, looksLikeFormula } from "../../domain/text-safety.ts";
import type { ImportFileName } from "./files.ts";
import type { CsvRow, LineProblem } from "./read-csv.ts";

// The free-text columns of each file: where a formula-like value is kept as text but worth a warning.
const TEXT_COLUMNS: Record<ImportFileName, readonly string[]> = {
  "accounts.csv": ["name", "industry", "country", "owner"],
  "contacts.csv": ["first_name", "last_name", "title", "company"],
  "opportunities.csv": ["name", "owner", "lost_reason", "company"],
  "touches.csv": ["channel", "campaign", "agent"],
};

/**
 * One warning per value that starts like a spreadsheet formula (`=`, `+`, `-`, `@`): the value is stored as
 * the text it is, and the product writes it with a leading `'` wherever the text may reach a spreadsheet.
 */
export function formulaWarnings(file: ImportFileName, rows: readonly CsvRow[]): LineProblem[] {
  const warnings: LineProblem[] = [];
  for (const row of rows) {
    for (const column of TEXT_COLUMNS[file]) {
      const value = (row.values[column] ?? "").trim();
      if (!looksLikeFormula(value)) continue;
      const shown = escapeControl(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      warnings.push({
        line: row.line,
        reason: `${column} "${shown}" starts with "${value[0]}", which a spreadsheet runs as a formula; it is kept as text and written with a leading ' in report output`,
      });
    }
  }
  return warnings;
}
