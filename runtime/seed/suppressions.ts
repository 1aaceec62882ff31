import type { Faker } from "@faker-js/faker";
import { DAY, HOUR, iso, MINUTE, type SeedClock } from "./clock.ts";
import { timeBetween, weighted } from "./random.ts";
import type { TouchLog } from "./touch-log.ts";
import type { AccountSeed, ContactSeed, OpportunitySeed, SequenceRow, SuppressionRow } from "./types.ts";

/** Share of contacts who opted out, bounced or asked not to be contacted. */
const SUPPRESSED_SHARE = 0.03;
/** Accounts that objected to all outreach. */
const OBJECTING_ACCOUNTS = 6;

type ContactReason = "do_not_contact" | "unsubscribed" | "bounced";

const NOTES: Record<ContactReason, string> = {
  do_not_contact: "Asked not to be contacted (privacy request)",
  unsubscribed: "Unsubscribed via the email footer link",
  bounced: "Hard bounce: mailbox does not exist",
};

const OBJECTIONS = [
  "Renewed with a competitor for two years; asked us to stop outreach",
  "Legal asked all vendors to pause outreach during an acquisition",
  "Building in-house; asked not to be contacted this year",
];

/**
 * Suppresses about 3% of contacts and a few whole accounts. Each suppression comes after the last touch it
 * would have stopped, the contact's flag is set to match, and a sequence still running then is stopped.
 */
export function generateSuppressions(
  faker: Faker,
  log: TouchLog,
  contacts: readonly ContactSeed[],
  opportunities: readonly OpportunitySeed[],
  sequences: SequenceRow[],
  clock: SeedClock,
): SuppressionRow[] {
  const activeSequence = new Set(sequences.filter((s) => s.status === "active").map((s) => s.contact_email));
  const candidates = contacts.filter(
    (c) => !activeSequence.has(c.row.email) && c.deals.every((d) => d.closedMs !== null),
  );
  const rows: SuppressionRow[] = [];
  const count = Math.round(contacts.length * SUPPRESSED_SHARE);
  for (const contact of faker.helpers.arrayElements(candidates, count)) {
    const reason = weighted<ContactReason>(faker, [
      ["do_not_contact", 30],
      ["unsubscribed", 45],
      ["bounced", 25],
    ]);
    const last = log.lastAt(contact.row.email) ?? contact.createdMs;
    const delay =
      reason === "bounced"
        ? timeBetween(faker, MINUTE, 30 * MINUTE)
        : timeBetween(faker, HOUR, reason === "unsubscribed" ? 2 * DAY : 10 * DAY);
    const at = Math.min(last + delay, clock.now);
    contact.row[reason] = 1;
    contact.row.updated_at = iso(at);
    stopSequences(sequences, contact.row.email, at);
    rows.push({
      contact_email: contact.row.email,
      account_domain: null,
      reason,
      note: NOTES[reason],
      created_at: iso(at),
      expires_at: null,
    });
  }
  const dealDomains = new Set(opportunities.map((o) => o.row.account_domain));
  const sequenced = new Set(sequences.filter((s) => s.status === "active").map((s) => s.account_domain));
  const accounts = uniqueAccounts(contacts).filter(
    (a) => !dealDomains.has(a.row.domain) && !sequenced.has(a.row.domain),
  );
  for (const account of faker.helpers.arrayElements(
    accounts,
    Math.min(OBJECTING_ACCOUNTS, accounts.length),
  )) {
    const people = contacts.filter((c) => c.account === account);
    const last = Math.max(account.createdMs, ...people.map((c) => log.lastAt(c.row.email) ?? c.createdMs));
    const at = Math.min(last + timeBetween(faker, DAY, 20 * DAY), clock.now);
    for (const person of people) stopSequences(sequences, person.row.email, at);
    rows.push({
      contact_email: null,
      account_domain: account.row.domain,
      reason: "objection",
      note: faker.helpers.arrayElement(OBJECTIONS),
      created_at: iso(at),
      expires_at: faker.datatype.boolean() ? iso(at + 180 * DAY) : null,
    });
  }
  return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

function stopSequences(sequences: SequenceRow[], email: string, at: number): void {
  const stamp = iso(at);
  for (const s of sequences) {
    if (s.contact_email === email && (s.ends_at === null || s.ends_at === undefined || s.ends_at > stamp)) {
      s.status = "stopped";
      s.ends_at = stamp;
    }
  }
}

function uniqueAccounts(contacts: readonly ContactSeed[]): AccountSeed[] {
  const seen = new Set<AccountSeed>();
  for (const c of contacts) if (c.account) seen.add(c.account);
  return [...seen];
}
