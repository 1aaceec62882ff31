import type { Faker } from "@faker-js/faker";
import {
  BRAND_HEADS,
  BRAND_TAILS,
  COUNTRIES,
  INDUSTRIES,
  type Industry,
  SIZE_BANDS,
  TLDS,
} from "./catalog-companies.ts";
import { DAY, iso, type SeedClock } from "./clock.ts";
import { chance, timeBetween, weighted } from "./random.ts";
import type { AccountSeed } from "./types.ts";

/** How many accounts the demo store holds. */
export const ACCOUNT_COUNT = 320;

/** Generates accounts with unique names and unique registrable domains; owners are assigned later. */
export function generateAccounts(faker: Faker, clock: SeedClock, count = ACCOUNT_COUNT): AccountSeed[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const accounts: AccountSeed[] = [];
  for (let i = 0; i < count; i++) {
    const industry = weighted(
      faker,
      INDUSTRIES.map((x) => [x, x.weight] as const),
    );
    const band = weighted(
      faker,
      SIZE_BANDS.map((x) => [x, x.weight] as const),
    );
    const name = uniqueName(faker, industry, names);
    const domain = uniqueDomain(faker, name, domains);
    const createdMs = timeBetween(faker, clock.start, clock.now - 30 * DAY);
    accounts.push({
      row: {
        domain,
        name,
        industry: industry.name,
        employees: faker.number.int({ min: band.employees[0], max: band.employees[1] }),
        country: weighted(faker, COUNTRIES),
        owner: null,
        created_at: iso(createdMs),
        updated_at: iso(createdMs),
      },
      createdMs,
      band,
      industry,
    });
  }
  return accounts;
}

function uniqueName(faker: Faker, industry: Industry, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const suffix = faker.helpers.arrayElement(industry.suffixes);
    const head = chance(faker, 0.55)
      ? `${faker.helpers.arrayElement(BRAND_HEADS)}${faker.helpers.arrayElement(BRAND_TAILS)}`
      : faker.person.lastName();
    // After a few clashes, a numbered name keeps the loop finite for any account count.
    const name = attempt < 20 ? `${head} ${suffix}` : `${head} ${suffix} ${attempt}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Lower-case ASCII letters and digits only: the registrable label of a company name. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function uniqueDomain(faker: Faker, name: string, taken: Set<string>): string {
  const label = slug(name);
  const preferred = weighted(faker, TLDS);
  const candidates = [preferred, ...TLDS.map(([tld]) => tld).filter((tld) => tld !== preferred)].map(
    (tld) => `${label}${tld}`,
  );
  for (let n = 2; ; n++) {
    const free = candidates.find((domain) => !taken.has(domain));
    const domain = free ?? `${label}${n}${preferred}`;
    if (!taken.has(domain)) {
      taken.add(domain);
      return domain;
    }
  }
}
