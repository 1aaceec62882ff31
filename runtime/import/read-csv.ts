import { readFileSync } from "node:fs";
import { type CsvError, parse } from "csv-parse/sync";

/** A problem on one physical line of a file (the header is line 1). */
export interface LineProblem {
  line: number;
  reason: string;
}

/** One data row: its first physical line and its values by expected column name. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** A parsed file: its rows and the lines that could not be read, or a header problem that stops the file. */
export type CsvFile =
  | { ok: true; rows: CsvRow[]; problems: LineProblem[] }
  | { ok: false; problem: LineProblem };

/**
 * Reads a CSV file whose header must hold every `expected` column (extra columns are ignored, order is
 * free); rows with the wrong number of fields, broken quoting or nothing but empty fields are reported or
 * skipped by line, never silently merged.
 */
export function readCsv(path: string, expected: readonly string[]): CsvFile {
  // Line breaks are normalised first so line numbers count \r\n, \r and \n alike.
  const text = readFileSync(path, "utf8").replace(/\r\n?/g, "\n");
  const problems: LineProblem[] = [];
  // csv-parse's types do not model `info: true`, which wraps each record as { record, info }.
  const records = parse(text, {
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      // One broken quote can trip the parser twice on the same line; the first reason is the useful one.
      const line = Number(error?.lines);
      if (error && !problems.some((p) => p.line === line))
        problems.push({ line, reason: quotingProblem(error) });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];

  const [head, ...body] = records;
  if (head === undefined)
    return { ok: false, problem: { line: 1, reason: "the file is empty; it needs a header line" } };
  const header = head.record.map((h) => h.trim());
  const missing = expected.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m}"`).join(", ");
    return {
      ok: false,
      problem: {
        line: startLine(head),
        reason: `missing column${missing.length > 1 ? "s" : ""} ${names}; the header must hold ${expected.join(",")}`,
      },
    };
  }

  const rows: CsvRow[] = [];
  for (const item of body) {
    const line = startLine(item);
    if (item.record.every((v) => v.trim() === "")) continue;
    if (item.record.length !== header.length) {
      problems.push({
        line,
        reason: `the row has ${item.record.length} fields but the header has ${header.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (const column of expected) values[column] = item.record[header.indexOf(column)] ?? "";
    rows.push({ line, values });
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, rows, problems };
}

// csv-parse reports the line a record ends on; a quoted field with line breaks started that many lines earlier.
function startLine(item: { record: string[]; info: { lines: number } }): number {
  const breaks = item.record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
  return item.info.lines - breaks;
}

function quotingProblem(error: CsvError): string {
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") {
    return 'broken quoting: text follows a closing quote; write a quote inside quoted text as ""';
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return "broken quoting: a quoted field is never closed; the rest of the file could not be read";
  }
  return `unreadable CSV: ${error.message.split(":")[0] ?? error.code}`;
}
