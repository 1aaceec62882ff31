import type { Faker } from "@faker-js/faker";
import { slug } from "./accounts.ts";
import { FREE_MAIL_DOMAINS } from "./catalog-companies.ts";
import { type LifecycleStage, SENIORITY_WEIGHTS, type Seniority, TITLES } from "./catalog-people.ts";
import { DAY, iso, type SeedClock } from "./clock.ts";
import { timeBetween, weighted } from "./random.ts";
import type { AccountSeed, ContactSeed, OpportunitySeed } from "./types.ts";

/** Contacts at company domains are topped up to at least this many. */
const MIN_ACCOUNT_CONTACTS = 2_060;
/** Contacts who signed up with a free-mail address and so belong to no account. */
const FREE_MAIL_CONTACTS = 45;

interface Person {
  first: string;
  last: string;
  seniority: Seniority;
  title: string | null;
  deals: OpportunitySeed[];
}

/** Generates contacts: people at every account (buying committees for its deals) plus a few free-mail sign-ups. */
export function generateContacts(
  faker: Faker,
  accounts: readonly AccountSeed[],
  opportunities: readonly OpportunitySeed[],
  clock: SeedClock,
): ContactSeed[] {
  const counts = accounts.map((a) => faker.number.int({ min: a.band.contacts[0], max: a.band.contacts[1] }));
  for (let total = counts.reduce((s, n) => s + n, 0); total < MIN_ACCOUNT_CONTACTS; total++) {
    const i = faker.number.int({ min: 0, max: counts.length - 1 });
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const emails = new Set<string>();
  const contacts: ContactSeed[] = [];
  accounts.forEach((account, i) => {
    const deals = opportunities.filter((o) => o.account === account);
    const people = peopleAt(faker, counts[i] ?? 0, deals);
    const wonAccount = deals.some((d) => d.row.stage === "closed_won");
    for (const person of people) {
      // A buying committee was in the CRM at least a week before its first deal opened.
      const firstDeal = Math.min(...person.deals.map((d) => d.createdMs));
      const latest = person.deals.length > 0 ? firstDeal - 7 * DAY : clock.now - DAY;
      const createdMs = timeBetween(faker, account.createdMs, latest);
      const email = uniqueEmail(person, account.row.domain, emails);
      contacts.push(contact(person, email, account, createdMs, lifecycleOf(faker, person, wonAccount)));
    }
  });
  for (let i = 0; i < FREE_MAIL_CONTACTS; i++) {
    const [person] = peopleAt(faker, 1, []);
    if (!person) continue;
    if (faker.number.int({ min: 0, max: 9 }) < 3) person.title = null;
    const email = uniqueEmail(person, faker.helpers.arrayElement(FREE_MAIL_DOMAINS), emails);
    const createdMs = timeBetween(faker, clock.start, clock.now - DAY);
    const lifecycle = weighted<LifecycleStage>(faker, [
      ["subscriber", 45],
      ["lead", 40],
      ["mql", 15],
    ]);
    contacts.push(contact(person, email, null, createdMs, lifecycle));
  }
  return contacts;
}

function contact(
  person: Person,
  email: string,
  account: AccountSeed | null,
  createdMs: number,
  lifecycle: LifecycleStage,
): ContactSeed {
  return {
    row: {
      email,
      first_name: person.first,
      last_name: person.last,
      title: person.title,
      account_domain: account?.row.domain ?? null,
      lifecycle_stage: lifecycle,
      do_not_contact: 0,
      unsubscribed: 0,
      bounced: 0,
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
    },
    account,
    seniority: person.seniority,
    createdMs,
    lifecycle,
    deals: person.deals,
  };
}

/** People at one company: C-level and VP titles are unique per company; each deal gets a committee with an executive. */
function peopleAt(faker: Faker, count: number, deals: readonly OpportunitySeed[]): Person[] {
  const seniorTitles = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    let seniority = weighted(faker, SENIORITY_WEIGHTS);
    let title = faker.helpers.arrayElement(TITLES[seniority]);
    if (seniority === "c_level" || seniority === "vp") {
      if (seniorTitles.has(title)) {
        seniority = "director";
        title = faker.helpers.arrayElement(TITLES.director);
      } else seniorTitles.add(title);
    }
    people.push({
      first: faker.person.firstName(),
      last: faker.person.lastName(),
      seniority,
      title,
      deals: [],
    });
  }
  for (const deal of deals) {
    const size = Math.min(people.length, faker.number.int({ min: 2, max: 4 }));
    const execs = people.filter((p) => p.seniority === "c_level" || p.seniority === "vp");
    const sponsor = execs.length > 0 ? [faker.helpers.arrayElement(execs)] : [];
    const rest = faker.helpers.arrayElements(
      people.filter((p) => !sponsor.includes(p)),
      Math.max(0, size - sponsor.length),
    );
    for (const p of [...sponsor, ...rest]) p.deals.push(deal);
  }
  return people;
}

function lifecycleOf(faker: Faker, person: Person, wonAccount: boolean): LifecycleStage {
  const stages = new Set(person.deals.map((d) => d.row.stage));
  if (stages.has("closed_won"))
    return weighted(faker, [
      ["customer", 75],
      ["evangelist", 25],
    ] as const);
  if ([...stages].some((s) => s !== "closed_lost")) return "opportunity";
  if (stages.has("closed_lost"))
    return weighted(faker, [
      ["sql", 40],
      ["lead", 60],
    ] as const);
  if (wonAccount) {
    return weighted<LifecycleStage>(faker, [
      ["customer", 30],
      ["subscriber", 25],
      ["lead", 30],
      ["mql", 15],
    ]);
  }
  return weighted<LifecycleStage>(faker, [
    ["subscriber", 28],
    ["lead", 40],
    ["mql", 18],
    ["sql", 14],
  ]);
}

function uniqueEmail(person: Person, domain: string, taken: Set<string>): string {
  const first = slug(person.first) || "contact";
  const last = slug(person.last) || "person";
  const candidates = [`${first}.${last}`, `${first.charAt(0)}${last}`, `${first}${last.charAt(0)}`];
  for (let n = 2; ; n++) {
    const local = candidates.find((c) => !taken.has(`${c}@${domain}`)) ?? `${first}.${last}${n}`;
    const email = `${local}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}
