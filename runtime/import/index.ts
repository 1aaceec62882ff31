export { isDateOnly, parseIsoTime } from "./fields.ts";
export { findImportFiles, IMPORT_FILES, type ImportFileName } from "./files.ts";
export {
  acceptedAny,
  type FileImport,
  type ImportResult,
  importDirectory,
  rejectedAny,
} from "./import-directory.ts";
export { formatImportSummary } from "./summary.ts";
