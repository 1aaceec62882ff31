export { buildReport, DEFAULT_REPORT_MODEL, type Report, type ReportOptions } from "./build.ts";
export { reportJson, units } from "./json.ts";
export { renderReport } from "./render.ts";
