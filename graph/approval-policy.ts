import type { ProposedAction } from "../domain/actions.ts";

/** Which actions stop for a person: executive first touches, any offer, and bulk sends. */
export interface ApprovalPolicy {
  /** Titles that count as executive (matched case-insensitively as whole words). */
  readonly executiveTitle: RegExp;
  /** A send to more than this many contacts needs approval. */
  readonly bulkThreshold: number;
  /** Whether everything a chat request would do waits for a person (chat stops before anything goes out). */
  readonly chatNeedsApproval: boolean;
}

/** The default policy the issue states: executive first touch, any offer or discount, more than 50 contacts. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  executiveTitle:
    /\b(chief|ceo|cfo|cto|coo|cmo|cro|cio|ciso|cpo|president|founder|co-founder|owner|vp|svp|evp|vice president|managing director|general manager)\b/i,
  bulkThreshold: 50,
  chatNeedsApproval: true,
};

/** Facts about the action's target the policy needs, read by the guard. */
export interface ApprovalFacts {
  /** The contact's title, when the action is a single touch. */
  title: string | null;
  /** Whether the contact has ever been touched before. */
  touchedBefore: boolean;
  /** How many contacts the action will reach after the guard. */
  recipients: number;
  /** Whether a person's chat request, rather than an event or a scheduled play, led to the action. */
  viaChat: boolean;
}

/** Why an action needs approval, or null when it does not. */
export function approvalReason(
  action: ProposedAction,
  facts: ApprovalFacts,
  policy: ApprovalPolicy,
): string | null {
  if (action.type === "make_offer") {
    return `Any ${action.kind === "discount" ? "discount" : "partnership offer"} needs a person's approval (${action.discountPct}% proposed).`;
  }
  if (facts.recipients > policy.bulkThreshold) {
    return `A send to ${facts.recipients} contacts is a bulk send (more than ${policy.bulkThreshold}) and needs approval.`;
  }
  if (
    action.type === "send_touch" &&
    !facts.touchedBefore &&
    facts.title &&
    policy.executiveTitle.test(facts.title)
  ) {
    return `First touch to an executive (${facts.title}) needs approval.`;
  }
  if (facts.viaChat && policy.chatNeedsApproval) {
    return "A chat request's actions go out only after a person approves them.";
  }
  return null;
}
