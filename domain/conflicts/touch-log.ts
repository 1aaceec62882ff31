import type { RecentTouch } from "./context.ts";

/** Recent touches indexed by contact, account and agent; a batch adds the touches it allows as it goes. */
export interface TouchLog {
  byContact(email: string): readonly RecentTouch[];
  byAccount(domain: string): readonly RecentTouch[];
  byAgent(agent: string): readonly RecentTouch[];
  /** Only the touches the batch added for an agent, for caps counted by the store. */
  addedByAgent(agent: string): readonly RecentTouch[];
  add(touch: RecentTouch): void;
}

/** Emails and domains compare case-insensitively everywhere in the rules. */
export function sameKey(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

/** Builds a touch log over the given touches (copied, so the caller's list is never changed). */
export function touchLog(touches: readonly RecentTouch[]): TouchLog {
  const contacts = new Map<string, RecentTouch[]>();
  const accounts = new Map<string, RecentTouch[]>();
  const agents = new Map<string, RecentTouch[]>();
  const added = new Map<string, RecentTouch[]>();
  const push = (index: Map<string, RecentTouch[]>, key: string, touch: RecentTouch) => {
    const list = index.get(key);
    if (list) list.push(touch);
    else index.set(key, [touch]);
  };
  const add = (touch: RecentTouch) => {
    push(contacts, touch.contactEmail.toLowerCase(), touch);
    if (touch.accountDomain !== null) push(accounts, touch.accountDomain.toLowerCase(), touch);
    // Agent ids are identifiers, not addresses: compared exactly.
    if (touch.agent !== null) push(agents, touch.agent, touch);
  };
  for (const touch of touches) add(touch);
  return {
    addedByAgent: (agent) => added.get(agent) ?? [],
    byContact: (email) => contacts.get(email.toLowerCase()) ?? [],
    byAccount: (domain) => accounts.get(domain.toLowerCase()) ?? [],
    byAgent: (agent) => agents.get(agent) ?? [],
    add: (touch) => {
      add(touch);
      if (touch.agent !== null) push(added, touch.agent, touch);
    },
  };
}
