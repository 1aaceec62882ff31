export { unbackedFindings } from "./claims.ts";
export {
  checkField,
  FIELD_KINDS,
  FIELD_MAX_LENGTH,
  type FieldKind,
  type FieldReason,
  type FieldVerdict,
  isControlCharacter,
} from "./field-safety.ts";
export { NEUTRAL_COMPANY, NEUTRAL_TITLE, neutralWording } from "./neutral.ts";
export {
  CLAIM_KINDS,
  CLAIM_PATTERNS,
  type ClaimKind,
  type ContentFinding,
  findingsIn,
  INSTRUCTION_PATTERNS,
} from "./patterns.ts";
