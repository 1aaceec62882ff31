import { createKey } from "../../runtime/keys/index.ts";
import { createLogger } from "../../runtime/logger.ts";
import { REFERENCE_ANCHOR, seedStore } from "../../runtime/seed/index.ts";
import { startService } from "../../service/server.ts";
import { openStore, type Store } from "../../store/db.ts";
import type { Dialect } from "../../store/dialect.ts";
import { suiteDialect, testLocation } from "./dialects.ts";

/** The demo store's "now": every run of the console tests happens at the seed's anchor. */
export const DEMO_NOW = new Date(REFERENCE_ANCHOR);

/** CRM text that must be shown as text: a script tag and an image whose error handler would run. */
export const HOSTILE = {
  lastName: `<script>window.__xss = "name"</script>Hacker`,
  title: `<img src=x onerror="window.__xss='title'"> CFO`,
  account: `<img src=x onerror="window.__xss='account'">Evil Corp`,
};

const iso = (daysAgo: number) => new Date(DEMO_NOW.getTime() - daysAgo * 86_400_000).toISOString();

/**
 * Adds fresh accounts the guard allows: an executive at Northwind, hostile CRM text at Evil Corp, an executive at
 * Contoso (whose email a person rewrites), and Fabrikam (a would-be partner nobody works yet).
 */
async function addPeople(store: Store): Promise<void> {
  const account = (domain: string, name: string) => ({
    domain,
    name,
    industry: "SaaS",
    employees: 900,
    country: "US",
    owner: null,
    created_at: iso(200),
    updated_at: iso(200),
  });
  await store.db
    .insertInto("accounts")
    .values([
      account("northwind-labs.com", "Northwind Labs"),
      account("evilcorp-test.com", HOSTILE.account),
      account("fabrikam-partners.com", "Fabrikam Partners"),
      account("contoso-robotics.com", "Contoso Robotics"),
    ])
    .execute();
  const contact = (email: string, first: string, last: string, title: string, domain: string) => ({
    email,
    first_name: first,
    last_name: last,
    title,
    account_domain: domain,
    lifecycle_stage: "mql",
    do_not_contact: 0 as const,
    unsubscribed: 0 as const,
    bounced: 0 as const,
    created_at: iso(90),
    updated_at: iso(90),
  });
  await store.db
    .insertInto("contacts")
    .values([
      contact(
        "nora.quinn@northwind-labs.com",
        "Nora",
        "Quinn",
        "Chief Financial Officer",
        "northwind-labs.com",
      ),
      contact("mallory@evilcorp-test.com", "Mallory", HOSTILE.lastName, HOSTILE.title, "evilcorp-test.com"),
      contact("priya.shah@contoso-robotics.com", "Priya", "Shah", "VP Sales", "contoso-robotics.com"),
    ])
    .execute();
  const lead = (id: string, email: string, domain: string) => ({
    id,
    contact_email: email,
    account_domain: domain,
    source: "webinar",
    status: "mql",
    fit_score: 75,
    engagement_score: 60,
    created_at: iso(60),
    qualified_at: iso(1),
    updated_at: iso(1),
  });
  await store.db
    .insertInto("leads")
    .values([
      lead("lead-nora", "nora.quinn@northwind-labs.com", "northwind-labs.com"),
      lead("lead-mallory", "mallory@evilcorp-test.com", "evilcorp-test.com"),
      lead("lead-priya", "priya.shah@contoso-robotics.com", "contoso-robotics.com"),
    ])
    .execute();
}

/** A `lead_qualified` event for an email. */
export function qualified(email: string, correlationId: string) {
  return {
    event_type: "lead_qualified",
    source_agent: "marketing-analytics",
    entity_type: "lead",
    entity_id: email,
    action: "qualified",
    data: { score: 82 },
    correlation_id: correlationId,
  };
}

/** A reseller's inquiry asking for a 30% margin (the top of the reseller band). */
export function resellerInquiry(domain: string, correlationId: string) {
  return {
    event_type: "partner_inquiry",
    source_agent: "partner-portal",
    entity_type: "partner",
    entity_id: domain,
    action: "inquired",
    data: { type: "reseller", requested_pct: 30 },
    correlation_id: correlationId,
  };
}

/**
 * A real `growth serve` on an ephemeral port over the seeded demo store (seed 42 at its reference anchor) plus
 * two hand-made people, with one key per role (and one revoked later by the tests). The store is a SQLite file,
 * or a fresh PostgreSQL database (store, event log, outbox and checkpoints) when GROWTH_TEST_DIALECT=postgres.
 */
export async function startConsoleDemo(dialect: Dialect = suiteDialect()) {
  const place = await testLocation(dialect);
  const store = await openStore(place.location);
  await seedStore(store, { now: DEMO_NOW });
  await addPeople(store);
  const make = async (name: string, role: "viewer" | "operator" | "approver" | "admin") =>
    (await createKey(store.db, { name, role })).key;
  const keys = {
    viewer: await make("vera", "viewer"),
    operator: await make("otto", "operator"),
    approver: await make("april", "approver"),
    admin: await make("ada", "admin"),
  };
  const started = Date.now();
  const service = await startService({
    store,
    logger: createLogger({ level: process.env.CONSOLE_LOG ?? "silent" }),
    port: 0,
    // The demo's anchor, then time passing as it does, so "waiting for" reads as it would on the day.
    runtime: { clock: () => new Date(DEMO_NOW.getTime() + (Date.now() - started)), env: {} },
  });
  const call = async (path: string, key: string, json?: unknown) =>
    fetch(`${service.url}${path}`, {
      method: json === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${key}`,
        ...(json === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  return {
    dialect,
    url: service.url,
    store,
    keys,
    call,
    /** Submits events and waits until each has run to its outcome (a pause at the approval gate included). */
    async submit(...events: unknown[]) {
      const res = await call("/v1/events?wait=true", keys.operator, events);
      if (res.status !== 200) throw new Error(`events refused: ${res.status} ${await res.text()}`);
      return (await res.json()) as { runs: { run_id: string; status: string; correlation_id: string }[] };
    },
    async stop() {
      await service.stop();
      await store.close();
      await place.remove();
    },
  };
}
