import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** The values the store knows, which a request's words are matched against: industries, countries, owners. */
export interface RequestVocabulary {
  industries: string[];
  /** ISO 3166-1 alpha-2 codes, upper-case. */
  countries: string[];
  /** Account and opportunity owners. */
  owners: string[];
}

/** Reads the distinct industries, countries and owners of the CRM, each sorted; three small grouped scans. */
export async function requestVocabulary(db: Kysely<Database>): Promise<RequestVocabulary> {
  const industries = await db
    .selectFrom("accounts")
    .select("industry")
    .distinct()
    .where("industry", "is not", null)
    .execute();
  const countries = await db
    .selectFrom("accounts")
    .select("country")
    .distinct()
    .where("country", "is not", null)
    .execute();
  const accountOwners = await db
    .selectFrom("accounts")
    .select("owner")
    .distinct()
    .where("owner", "is not", null)
    .execute();
  const dealOwners = await db
    .selectFrom("opportunities")
    .select("owner")
    .distinct()
    .where("owner", "is not", null)
    .execute();
  const sorted = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null && v.trim() !== ""))].sort();
  return {
    industries: sorted(industries.map((r) => r.industry)),
    countries: sorted(countries.map((r) => r.country?.toUpperCase() ?? null)),
    owners: sorted([...accountOwners.map((r) => r.owner), ...dealOwners.map((r) => r.owner)]),
  };
}
