/** The rule behind a decision, in precedence order (docs/domain-rules.md "Conflict precedence"). */
export type ConflictRule =
  | "suppression"
  | "open_opportunity"
  | "active_sequence"
  | "lease"
  | "duplicate"
  | "cap_contact"
  | "cap_account"
  | "cap_agent";

/** The rules in the order they are checked; the first that objects decides. */
export const CONFLICT_RULES: readonly ConflictRule[] = [
  "suppression",
  "open_opportunity",
  "active_sequence",
  "lease",
  "duplicate",
  "cap_contact",
  "cap_account",
  "cap_agent",
];

/**
 * The verdict on one intent: allow it, defer it until a time, drop it, or hand it to a person.
 * Reasons are plain sentences naming the contact or account, the rule and any ids; no CRM free text.
 */
export type Decision =
  | { readonly type: "allow" }
  | { readonly type: "defer"; readonly rule: ConflictRule; readonly reason: string; readonly until: Date }
  | { readonly type: "suppress"; readonly rule: ConflictRule; readonly reason: string }
  | { readonly type: "escalate"; readonly rule: ConflictRule; readonly reason: string };

/** The one allow decision. */
export const ALLOW: Decision = Object.freeze({ type: "allow" });
