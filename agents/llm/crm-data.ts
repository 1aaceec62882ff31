/**
 * Wraps data from the CRM or a tool in a `<crm_data>` block that the data itself cannot close or forge.
 * Compact JSON (no indentation): a model reads it as well, for about a third fewer prompt tokens.
 */
export function crmData(source: string, value: unknown): string {
  const json = JSON.stringify(value ?? null) ?? "null";
  // `<` as a JSON escape keeps the JSON intact and makes any `</crm_data>` inside unreadable as a tag.
  const safe = json.replaceAll("<", "\\u003c");
  return `<crm_data source="${source.replace(/[^a-z0-9:_.-]/gi, "_")}">\n${safe}\n</crm_data>`;
}

/** A tool failure, as text the model reads and may fix its call from. */
export function toolError(message: string): string {
  return `<tool_error>\n${message.replaceAll("<", "\\u003c")}\n</tool_error>`;
}
