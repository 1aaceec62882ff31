import type { ProposedAction } from "../domain/actions.ts";
import { sha256 } from "./request.ts";

/** One outreach to one contact, as the conflict rules see it. */
export interface OutreachTarget {
  action: ProposedAction;
  actionId: string;
  target: string;
  contactEmail: string;
  accountDomain: string | null;
  channel: string;
  contentHash: string;
}

/** Expands outreach proposals into one target per contact; other actions yield none. */
export function outreachTargets(proposals: readonly ProposedAction[]): OutreachTarget[] {
  const targets: OutreachTarget[] = [];
  for (const action of proposals) {
    if (action.type === "send_touch") {
      targets.push({
        action,
        actionId: action.id,
        target: action.contactEmail.toLowerCase(),
        contactEmail: action.contactEmail.toLowerCase(),
        accountDomain: action.accountDomain,
        channel: action.channel,
        contentHash: contentHash(action.templateId, action.body),
      });
    } else if (action.type === "enrol_in_campaign") {
      const hash = contentHash(action.templateId, action.campaignId);
      for (const contact of action.contacts) {
        targets.push({
          action,
          actionId: action.id,
          target: contact.email.toLowerCase(),
          contactEmail: contact.email.toLowerCase(),
          accountDomain: contact.accountDomain,
          channel: action.channel,
          contentHash: hash,
        });
      }
    }
  }
  return targets;
}

/** The dedupe hash of a piece of content: same template and text, same hash. */
export function contentHash(templateId: string, text: string): string {
  return sha256(`${templateId}\n${text}`).slice(0, 16);
}
