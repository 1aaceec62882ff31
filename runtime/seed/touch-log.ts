import { createHash } from "node:crypto";
import { type AgentId, clusterOf } from "../../domain/agents.ts";
import { DAY, MINUTE, type SeedClock } from "./clock.ts";
import type { ContactSeed, TouchRow } from "./types.ts";

/** One touch before it gets its id: who, when, how, by which agent, from which template. */
export interface TouchDraft {
  readonly email: string;
  readonly at: number;
  readonly channel: string;
  readonly agent: AgentId;
  readonly campaign: string | null;
  readonly template: string;
}

/** Outreach with the same contact, channel and content inside this window would be a duplicate. */
export const DUPLICATE_WINDOW_MS = 14 * DAY;

/** Collects touches, refusing impossible ones and duplicates, and hands them back as rows with ids in time order. */
export interface TouchLog {
  /**
   * Adds a touch if the contact existed then, it is inside the history window and it repeats no content sent
   * to the contact on that channel within the duplicate window; returns whether it did.
   */
  add(draft: TouchDraft): boolean;
  /** The latest touch time of a contact, if any. */
  lastAt(email: string): number | undefined;
  /** How many touches were added. */
  readonly size: number;
  /** Rows sorted by time (ties keep insertion order), ids `tch-000001`… in that order. */
  rows(): TouchRow[];
}

/** A short stable hash of a template id, so duplicate content is recognisable without the text. */
export function contentHash(templateId: string): string {
  return createHash("sha256").update(templateId).digest("hex").slice(0, 12);
}

/** Creates a touch log over the generated contacts and the seed clock. */
export function createTouchLog(contacts: readonly ContactSeed[], clock: SeedClock): TouchLog {
  const byEmail = new Map(contacts.map((c) => [c.row.email, c]));
  const drafts: TouchDraft[] = [];
  const last = new Map<string, number>();
  const hashes = new Map<string, string>();
  const sent = new Map<string, number[]>();
  return {
    add(draft) {
      const contact = byEmail.get(draft.email);
      const at = Math.floor(draft.at / 1000) * 1000;
      if (!contact || at < contact.createdMs || at < clock.start || at > clock.now - MINUTE) return false;
      const key = `${draft.email} ${draft.channel} ${draft.template}`;
      const times = sent.get(key) ?? [];
      if (times.some((t) => Math.abs(t - at) < DUPLICATE_WINDOW_MS)) return false;
      sent.set(key, [...times, at]);
      drafts.push({ ...draft, at });
      last.set(draft.email, Math.max(at, last.get(draft.email) ?? at));
      return true;
    },
    lastAt: (email) => last.get(email),
    get size() {
      return drafts.length;
    },
    rows() {
      const order = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.at - b.d.at || a.i - b.i);
      return order.map(({ d }, n) => {
        let hash = hashes.get(d.template);
        if (hash === undefined) {
          hash = contentHash(d.template);
          hashes.set(d.template, hash);
        }
        return {
          id: `tch-${String(n + 1).padStart(6, "0")}`,
          contact_email: d.email,
          account_domain: byEmail.get(d.email)?.row.account_domain ?? null,
          channel: d.channel,
          campaign: d.campaign,
          agent: d.agent,
          cluster: clusterOf(d.agent),
          content_hash: hash,
          occurred_at: new Date(d.at).toISOString(),
          idempotency_key: null,
        };
      });
    },
  };
}
