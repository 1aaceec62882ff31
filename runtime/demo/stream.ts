import type { GrowthEvent } from "../../domain/events.ts";
import { seededRandom } from "../../domain/random.ts";
import type { DemoCandidates } from "../../store/queries/demo-candidates.ts";

/** One scheduled demo event: the event, when it happens, and whether it is a repeated delivery. */
export interface DemoEvent {
  index: number;
  at: Date;
  event: GrowthEvent;
  redelivery: boolean;
}

const MINUTE = 60_000;

function pick<T>(list: readonly T[], r: () => number): T | undefined {
  return list.length === 0 ? undefined : list[Math.floor(r() * list.length)];
}

/**
 * The demo's event stream from index `from` (inclusive) to `to` (exclusive): a realistic mix of lead,
 * engagement, deal, campaign, partner and KPI events over simulated time, with about 3% repeated deliveries
 * (at-least-once upstream). Event i is the same on every call, so a later demo continues where one stopped.
 */
export function demoStream(
  candidates: DemoCandidates,
  options: { seed: number; start: Date; from: number; to: number },
): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (let i = options.from; i < options.to; i++) {
    const r = seededRandom(options.seed * 1_000_003 + i);
    const at = new Date(options.start.getTime() + i * 17 * MINUTE);
    if (i > 0 && r() < 0.03) {
      // A repeated delivery of an earlier event, with the same correlation id.
      const earlier = Math.max(0, i - 1 - Math.floor(r() * 20));
      const original = eventAt(candidates, options.seed, earlier);
      if (original) events.push({ index: i, at, event: original, redelivery: true });
      continue;
    }
    const event = eventAt(candidates, options.seed, i);
    if (event) events.push({ index: i, at, event, redelivery: false });
  }
  return events;
}

function eventAt(c: DemoCandidates, seed: number, i: number): GrowthEvent | undefined {
  const r = seededRandom(seed * 7_919 + i * 104_729);
  const roll = r();
  const correlation_id = `demo-${seed}-${i}`;
  const base = { correlation_id, data: {} as Record<string, unknown> };
  if (roll < 0.34) {
    const email = pick(r() < 0.06 ? c.suppressedContacts : c.qualifiedLeads, r);
    if (email)
      return {
        ...base,
        event_type: "lead_qualified",
        source_agent: "marketing-analytics",
        entity_type: "lead",
        entity_id: email,
        action: "qualified",
      };
  }
  if (roll < 0.5) {
    const email = pick(c.newLeads, r);
    if (email)
      return {
        ...base,
        event_type: "lead_created",
        source_agent: "webform",
        entity_type: "lead",
        entity_id: email,
        action: "created",
      };
  }
  if (roll < 0.66) {
    const account = pick(c.accounts, r);
    if (account)
      return {
        ...base,
        event_type: "engagement_spike",
        source_agent: "web-analytics",
        entity_type: "account",
        entity_id: account.domain,
        action: "spiked",
        data: { visits: 5 + Math.floor(r() * 40) },
      };
  }
  if (roll < 0.8) {
    const opp = pick(c.openOpportunities, r);
    if (opp) {
      return r() < 0.5
        ? {
            ...base,
            event_type: "deal_stale",
            source_agent: "crm",
            entity_type: "opportunity",
            entity_id: opp.id,
            action: "stale",
            data: { days_without_touch: 14 + Math.floor(r() * 30) },
          }
        : {
            ...base,
            event_type: "opportunity_stage_changed",
            source_agent: "crm",
            entity_type: "opportunity",
            entity_id: opp.id,
            action: "moved",
            data: { to_stage: opp.stage },
          };
    }
  }
  if (roll < 0.86) {
    const account = pick(
      c.accounts.filter((a) => !a.owned),
      r,
    );
    if (account)
      return {
        ...base,
        event_type: "partner_inquiry",
        source_agent: "partner-portal",
        entity_type: "partner",
        entity_id: account.domain,
        action: "inquired",
        data: { type: pick(["referral", "reseller", "technology"], r) },
      };
  }
  if (roll < 0.92) {
    const industry = pick(
      [...new Set(c.accounts.map((a) => a.industry).filter((x): x is string => !!x))].sort(),
      r,
    );
    return {
      ...base,
      event_type: "campaign_requested",
      source_agent: "growth-lead",
      entity_type: "campaign",
      entity_id: `demo-campaign-${i}`,
      action: "requested",
      data: { goal: `pipeline from ${industry ?? "mid-market"} accounts`, industry },
    };
  }
  if (roll < 0.96) {
    const account = pick(c.accounts, r);
    if (account)
      return {
        ...base,
        event_type: "content_requested",
        source_agent: "growth-lead",
        entity_type: "account",
        entity_id: account.domain,
        action: "requested",
        data: { format: "email" },
      };
  }
  if (roll < 0.985) {
    return {
      ...base,
      event_type: "market_scan_requested",
      source_agent: "scheduler",
      entity_type: "metric",
      entity_id: "icp-fit",
      action: "requested",
      data: {},
    };
  }
  const metric = pick(["webinar_signups", "mqls_created", "opportunities_created"], r) ?? "mqls_created";
  const previous = 40 + Math.floor(r() * 60);
  return {
    ...base,
    event_type: "kpi_dropped",
    source_agent: "marketing-analytics",
    entity_type: "metric",
    entity_id: metric,
    action: "dropped",
    data: { metric, previous, current: Math.floor(previous * 0.6) },
  };
}
