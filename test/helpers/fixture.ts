import { openStore, type Store } from "../../store/db.ts";
import type { Dialect } from "../../store/dialect.ts";
import type { Flag } from "../../store/schema.ts";
import { suiteDialect, testLocation } from "./dialects.ts";

/** The clock every fixture row is relative to. */
export const FIXTURE_NOW = new Date("2026-11-10T12:00:00.000Z");

const iso = (daysAgo: number) => new Date(FIXTURE_NOW.getTime() - daysAgo * 86_400_000).toISOString();

/**
 * A temp store with a small, hand-made CRM: what each graph flow test reasons about. It is a SQLite file, or
 * a fresh PostgreSQL database when GROWTH_TEST_DIALECT=postgres (or `dialect` says so); `file` is what `--db`
 * takes either way.
 */
export async function fixtureStore(dialect: Dialect = suiteDialect()): Promise<{
  store: Store;
  file: string;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const place = await testLocation(dialect);
  const store = await openStore(place.location);
  await seedFixture(store);
  return {
    store,
    file: place.location,
    dir: place.dir,
    cleanup: async () => {
      await store.close();
      await place.remove();
    },
  };
}

/** Writes the fixture rows: acme.com (unowned), globex.com (open BD opportunity), initech.com (quiet). */
export async function seedFixture(store: Store): Promise<void> {
  const db = store.db;
  const account = (
    domain: string,
    name: string,
    industry: string,
    employees: number,
    owner: string | null,
  ) => ({
    domain,
    name,
    industry,
    employees,
    country: "US",
    owner,
    created_at: iso(400),
    updated_at: iso(400),
  });
  await db
    .insertInto("accounts")
    .values([
      account("acme.com", "Acme", "SaaS", 800, null),
      account("globex.com", "Globex", "Fintech", 2500, "Dana Whitfield"),
      account("initech.com", "Initech", "Manufacturing", 300, null),
    ])
    .execute();
  const contact = (
    email: string,
    first: string,
    last: string,
    title: string,
    domain: string,
    flags: Partial<{ dnc: Flag; unsub: Flag }> = {},
  ) => ({
    email,
    first_name: first,
    last_name: last,
    title,
    account_domain: domain,
    lifecycle_stage: "mql",
    do_not_contact: flags.dnc ?? (0 as Flag),
    unsubscribed: flags.unsub ?? (0 as Flag),
    bounced: 0 as const,
    created_at: iso(120),
    updated_at: iso(120),
  });
  await db
    .insertInto("contacts")
    .values([
      contact("ana.lopez@acme.com", "Ana", "Lopez", "Marketing Manager", "acme.com"),
      contact("carl.cfo@acme.com", "Carl", "Hughes", "Chief Financial Officer", "acme.com"),
      contact("sam.stop@acme.com", "Sam", "Stone", "Operations Manager", "acme.com", { dnc: 1 }),
      contact("bea.buyer@globex.com", "Bea", "Ng", "Procurement Manager", "globex.com"),
      contact("ivan.ops@initech.com", "Ivan", "Petrov", "Operations Lead", "initech.com"),
    ])
    .execute();
  await db
    .insertInto("suppressions")
    .values({
      contact_email: "sam.stop@acme.com",
      account_domain: null,
      reason: "do_not_contact",
      note: "asked on a call",
      created_at: iso(30),
      expires_at: null,
    })
    .execute();
  const lead = (id: string, email: string, domain: string) => ({
    id,
    contact_email: email,
    account_domain: domain,
    source: "webinar",
    status: "mql",
    fit_score: 70,
    engagement_score: 55,
    created_at: iso(60),
    qualified_at: iso(2),
    updated_at: iso(2),
  });
  await db
    .insertInto("leads")
    .values([
      lead("lead-ana", "ana.lopez@acme.com", "acme.com"),
      lead("lead-carl", "carl.cfo@acme.com", "acme.com"),
      lead("lead-sam", "sam.stop@acme.com", "acme.com"),
      lead("lead-bea", "bea.buyer@globex.com", "globex.com"),
      lead("lead-ivan", "ivan.ops@initech.com", "initech.com"),
    ])
    .execute();
  await db
    .insertInto("opportunities")
    .values({
      id: "opp-globex-1",
      account_domain: "globex.com",
      name: "Globex platform",
      amount_cents: 4_800_000,
      currency: "USD",
      stage: "proposal",
      owner: "Dana Whitfield",
      created_at: iso(45),
      closed_at: null,
      lost_reason: null,
      updated_at: iso(20),
    })
    .execute();
  await db
    .insertInto("opportunity_stage_history")
    .values([
      {
        opportunity_id: "opp-globex-1",
        from_stage: null,
        to_stage: "new",
        entered_at: iso(45),
        reason: null,
      },
      {
        opportunity_id: "opp-globex-1",
        from_stage: "new",
        to_stage: "proposal",
        entered_at: iso(20),
        reason: null,
      },
    ])
    .execute();
  await db
    .insertInto("touches")
    .values({
      id: "t-ivan-1",
      contact_email: "ivan.ops@initech.com",
      account_domain: "initech.com",
      channel: "email",
      campaign: null,
      agent: "campaign-execution",
      cluster: "marketing",
      content_hash: "seed",
      occurred_at: iso(40),
      idempotency_key: null,
    })
    .execute();
}

/** A `lead_qualified` event for an email, as marketing would send it. */
export function leadQualified(email: string, correlationId?: string) {
  return {
    event_type: "lead_qualified",
    source_agent: "marketing-analytics",
    entity_type: "lead",
    entity_id: email,
    action: "qualified",
    data: { score: 82 },
    ...(correlationId ? { correlation_id: correlationId } : {}),
  };
}
