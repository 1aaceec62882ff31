// Terminal control characters (C0 except tab and line feed, DEL, C1) that could move the cursor, clear the
// screen or retitle the terminal when an echoed value is printed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** Replaces terminal control characters with a visible `\xNN` escape, so echoed input cannot drive a terminal. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Whether a value would be read as a formula by a spreadsheet (it starts with =, +, -, @, tab or CR). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text safe for a spreadsheet cell and a terminal: a formula-like value gets a leading `'` (shown as text,
 * never evaluated) and control characters are escaped.
 */
export function spreadsheetSafe(text: string): string {
  const escaped = escapeControl(text);
  return looksLikeFormula(text) ? `'${escaped}` : escaped;
}
