import type { Faker } from "@faker-js/faker";
import { campaignsActiveAt } from "./campaigns.ts";
import { type LeadStatus, SENIORITY_FIT } from "./catalog-people.ts";
import { DAY, HOUR, iso, type SeedClock } from "./clock.ts";
import { chance, daysBetween, timeBetween, weighted } from "./random.ts";
import type { CampaignSeed, ContactSeed, LeadSeed } from "./types.ts";

/** Statuses at or past marketing qualification: they carry `qualified_at` and meet the MQL rule. */
const QUALIFIED: ReadonlySet<LeadStatus> = new Set(["mql", "sql", "qualified", "converted"]);

/** Generates leads for most contacts, at every status, with fit and engagement scores that obey the MQL rule. */
export function generateLeads(
  faker: Faker,
  contacts: readonly ContactSeed[],
  campaigns: readonly CampaignSeed[],
  openDealDomains: ReadonlySet<string>,
  clock: SeedClock,
): LeadSeed[] {
  const leads: LeadSeed[] = [];
  for (const contact of contacts) {
    const status = statusOf(faker, contact);
    if (status === null) continue;
    const createdMs = contact.createdMs;
    const active = campaignsActiveAt(campaigns, createdMs);
    const campaign = active.length > 0 && chance(faker, 0.6) ? faker.helpers.arrayElement(active) : null;
    let source = campaign?.channel ?? weighted(faker, SOURCES);
    let campaignId = campaign?.row.id ?? null;
    let fit = fitOf(faker, contact);
    let engagement = faker.number.int(ENGAGEMENT[status]);
    if (status === "disqualified") fit = faker.number.int({ min: 5, max: 45 });
    if (QUALIFIED.has(status) && fit < 60) {
      // docs/domain-rules.md's MQL rule: fit ≥ 60 and engagement ≥ 40, or a demo request.
      if (chance(faker, 0.6)) fit = faker.number.int({ min: 60, max: 85 });
      else {
        source = "demo_request";
        campaignId = null;
      }
    }
    engagement = Math.min(100, engagement);
    const recent = contact.account !== null && !openDealDomains.has(contact.account.row.domain);
    const qualifiedMs = QUALIFIED.has(status) ? qualifiedAt(faker, contact, status, recent, clock) : null;
    const id = `lead-${String(leads.length + 1).padStart(5, "0")}`;
    leads.push({
      row: {
        id,
        contact_email: contact.row.email,
        account_domain: contact.row.account_domain ?? null,
        source,
        status,
        fit_score: fit,
        engagement_score: engagement,
        created_at: iso(createdMs),
        qualified_at: qualifiedMs === null ? null : iso(qualifiedMs),
        updated_at: iso(qualifiedMs ?? createdMs),
      },
      contact,
      status,
      qualifiedMs,
      campaignId,
    });
  }
  return leads;
}

/** Where leads come from when no campaign created them; outbound leads start with a BD touch. */
const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ["outbound", 45],
  ["referral", 20],
  ["organic", 20],
  ["demo_request", 15],
];

const ENGAGEMENT: Record<LeadStatus, { min: number; max: number }> = {
  new: { min: 0, max: 35 },
  working: { min: 10, max: 55 },
  disqualified: { min: 0, max: 30 },
  mql: { min: 40, max: 90 },
  sql: { min: 45, max: 95 },
  qualified: { min: 45, max: 95 },
  converted: { min: 50, max: 100 },
};

function statusOf(faker: Faker, contact: ContactSeed): LeadStatus | null {
  switch (contact.lifecycle) {
    case "subscriber":
      return chance(faker, 0.15) ? "new" : null;
    case "lead":
      return weighted<LeadStatus>(faker, [
        ["new", 30],
        ["working", 45],
        ["disqualified", 25],
      ]);
    case "mql":
      return "mql";
    case "sql":
      return chance(faker, 0.5) ? "sql" : "qualified";
    case "opportunity":
      return chance(faker, 0.75) ? "converted" : "qualified";
    default:
      // Customers and evangelists: deal contacts converted; others at customer accounts often never were leads.
      return contact.deals.length > 0 || chance(faker, 0.4) ? "converted" : null;
  }
}

function fitOf(faker: Faker, contact: ContactSeed): number {
  const company = contact.account ? contact.account.band.fit + contact.account.industry.fit : 0;
  const raw = SENIORITY_FIT[contact.seniority] + company + faker.number.int({ min: -10, max: 10 });
  return Math.max(0, Math.min(100, raw));
}

function qualifiedAt(
  faker: Faker,
  contact: ContactSeed,
  status: LeadStatus,
  recent: boolean,
  clock: SeedClock,
): number {
  const from = contact.createdMs + HOUR;
  if (contact.deals.length > 0) {
    // Deal contacts qualified before their first deal opened.
    const firstDeal = Math.min(...contact.deals.map((d) => d.createdMs));
    return timeBetween(faker, from, firstDeal - DAY);
  }
  const recentAt = clock.now - daysBetween(faker, 1, 12);
  // About a quarter of open SQLs were qualified in the last two weeks: their BD sequences are still running.
  if (recent && (status === "sql" || status === "qualified") && recentAt > from && chance(faker, 0.25)) {
    return recentAt;
  }
  return Math.min(from + daysBetween(faker, 0, 60), clock.now - HOUR);
}
