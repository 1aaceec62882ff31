import type { PendingApproval } from "../../graph/approval-gate.ts";

/** The demo's stand-in for a person; stated in README and printed by the demo. */
export const DEMO_APPROVAL_POLICY_TEXT = [
  "offers at or under 15% are approved; larger offers are edited down to 15% and approved",
  "bulk sends to more than 200 contacts are rejected; smaller bulk sends are approved",
  "first touches to executives are approved, except to a CEO (rejected: the founder reaches out personally)",
].join("; ");

/** Decides one approval the way the demo policy says. */
export function demoVerdict(
  approval: PendingApproval,
  action: Record<string, unknown>,
): Record<string, unknown> {
  const by = "demo-policy";
  if (approval.actionType === "make_offer") {
    const pct = Number(action.discountPct ?? 0);
    return pct <= 15
      ? { verdict: "approve", by, note: "within the 15% demo limit" }
      : { verdict: "edit", by, edit: { discountPct: 15 }, note: `reduced from ${pct}% to 15%` };
  }
  if (approval.actionType === "enrol_in_campaign") {
    const count = Array.isArray(action.contacts) ? action.contacts.length : 0;
    return count > 200
      ? { verdict: "reject", by, note: `${count} contacts is over the 200-contact demo limit` }
      : { verdict: "approve", by, note: "bulk send within the demo limit" };
  }
  if (/\bceo\b|chief executive/i.test(approval.reason)) {
    return { verdict: "reject", by, note: "the founder reaches out to CEOs personally" };
  }
  return { verdict: "approve", by, note: "executive first touch approved" };
}
