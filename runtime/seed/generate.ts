import type { SeedRows } from "../../store/seed-writer.ts";
import { generateAccounts } from "./accounts.ts";
import { addCampaignTouches } from "./campaign-touches.ts";
import { generateCampaigns } from "./campaigns.ts";
import { seedClock } from "./clock.ts";
import { generateContacts } from "./contacts.ts";
import { addDealTouches, addPartnerTouches } from "./deal-touches.ts";
import { addLeadSourceTouches, generateSequences } from "./lead-touches.ts";
import { generateLeads } from "./leads.ts";
import { generateOpportunities } from "./opportunities.ts";
import { STREAMS, seededFaker } from "./random.ts";
import { generateSuppressions } from "./suppressions.ts";
import { createTouchLog } from "./touch-log.ts";

/** The seed used when none is given. */
export const DEFAULT_SEED = 42;

/**
 * A fixed anchor for tests, benchmarks and the crash driver that reason about known dates. The CLI anchors
 * at the start of the day it runs (`seedAnchor`), so recent windows are populated on any date.
 */
export const REFERENCE_ANCHOR = "2026-11-01T00:00:00.000Z";

/** What to generate from: a non-negative integer seed and the anchor date ("now" for the dataset). */
export interface DemoDataOptions {
  readonly seed?: number;
  /** Every time in the dataset is derived from it (history reaches about 18 months back). */
  readonly now: Date;
}

/** A complete demo dataset: rows for every CRM table, plus the seed and anchor that produced them. */
export interface DemoData extends SeedRows {
  readonly seed: number;
  /** The anchor as ISO UTC text. */
  readonly anchor: string;
}

/** Generates the demo dataset; pure: same seed and anchor, same rows, byte for byte; never reads the clock. */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`The seed must be a non-negative integer; got ${seed}.`);
  }
  const anchor = options.now;
  const clock = seedClock(anchor);
  const faker = (stream: number) => seededFaker(seed, stream, anchor);

  const accounts = generateAccounts(faker(STREAMS.accounts), clock);
  const { opportunities, history } = generateOpportunities(faker(STREAMS.opportunities), accounts, clock);
  const openDealDomains = new Set(
    opportunities.filter((o) => o.closedMs === null).map((o) => o.row.account_domain),
  );
  const contacts = generateContacts(faker(STREAMS.contacts), accounts, opportunities, clock);
  const campaigns = generateCampaigns(clock);
  const leads = generateLeads(faker(STREAMS.leads), contacts, campaigns, openDealDomains, clock);

  const log = createTouchLog(contacts, clock);
  const leadFaker = faker(STREAMS.sequences);
  addLeadSourceTouches(leadFaker, log, leads);
  const sequences = generateSequences(leadFaker, log, leads, clock);
  addCampaignTouches(faker(STREAMS.campaignTouches), log, campaigns, contacts, clock);
  const dealFaker = faker(STREAMS.dealTouches);
  addDealTouches(dealFaker, log, opportunities, contacts, campaigns, clock);
  addPartnerTouches(dealFaker, log, accounts, contacts, openDealDomains, clock);
  // Suppressions come last: each is placed after the touches it would have stopped, and sets contact flags.
  const suppressions = generateSuppressions(
    faker(STREAMS.suppressions),
    log,
    contacts,
    opportunities,
    sequences,
    clock,
  );

  return {
    seed,
    anchor: anchor.toISOString(),
    accounts: accounts.map((a) => a.row),
    contacts: contacts.map((c) => c.row),
    leads: leads.map((l) => l.row),
    opportunities: opportunities.map((o) => o.row),
    opportunity_stage_history: history,
    campaigns: campaigns.map((c) => c.row),
    touches: log.rows(),
    suppressions,
    sequences,
  };
}
