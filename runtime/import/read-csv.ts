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

/** How a file's header is matched to the columns wanted: other names a column goes by, and which may be absent. */
export interface HeaderOptions {
  /** Other header names per column, in order of preference (an export's labels, API names). */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /** Columns that may be missing from the header; their values are then empty. */
  optional?: readonly string[];
}

/** A header cell as compared: case, spacing, `_` and `-` ignored ("Deal - Title" = "deal_title" = "DEAL TITLE"). */
export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/**
 * Reads a CSV file whose header must hold every `expected` column (matched ignoring case, spacing, `_` and
 * `-`; extra columns are ignored, order is free; a column named twice refuses the file); rows with the wrong
 * number of fields, broken quoting or nothing but empty fields are reported or skipped by line, never
 * silently merged.
 */
export function readCsv(path: string, expected: readonly string[], options: HeaderOptions = {}): CsvFile {
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
  const header = head.record.map(normaliseHeader);
  const twice = header.findIndex((h, i) => h !== "" && header.indexOf(h) !== i);
  if (twice >= 0) {
    const first = header.indexOf(header[twice] ?? "");
    return {
      ok: false,
      problem: {
        line: startLine(head),
        reason: `column "${head.record[twice]?.trim()}" appears twice (columns ${first + 1} and ${twice + 1}); remove one so it is clear which holds the value`,
      },
    };
  }
  const position = new Map<string, number>();
  for (const column of expected) {
    const names = [column, ...(options.aliases?.[column] ?? [])].map(normaliseHeader);
    const at = names.map((n) => header.indexOf(n)).find((i) => i >= 0);
    if (at !== undefined) position.set(column, at);
  }
  const missing = expected.filter((c) => !position.has(c) && !options.optional?.includes(c));
  if (missing.length > 0) {
    const names = missing.map((m) => describeColumn(m, options.aliases?.[m])).join(", ");
    const required = expected.filter((c) => !options.optional?.includes(c));
    return {
      ok: false,
      problem: {
        line: startLine(head),
        reason: `missing column${missing.length > 1 ? "s" : ""} ${names}; the header must hold ${required.join(",")}`,
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
    for (const column of expected) {
      const at = position.get(column);
      values[column] = at === undefined ? "" : (item.record[at] ?? "");
    }
    rows.push({ line, values });
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: true, rows, problems };
}

function describeColumn(column: string, aliases: readonly string[] | undefined): string {
  return aliases && aliases.length > 0
    ? `"${column}" (as ${aliases.map((a) => `"${a}"`).join(" or ")})`
    : `"${column}"`;
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
