import type { Faker } from "@faker-js/faker";
import type { AgentId } from "../../domain/agents.ts";
import { campaignsActiveAt } from "./campaigns.ts";
import { DAY, HOUR, type SeedClock } from "./clock.ts";
import { chance, daysBetween, timeBetween, weighted } from "./random.ts";
import type { TouchLog } from "./touch-log.ts";
import type { AccountSeed, CampaignSeed, ContactSeed, OpportunitySeed } from "./types.ts";

const EARLY_STAGES = new Set(["new", "qualified"]);

/**
 * Adds the touches around each deal: the scout's first touch, follow-ups through the stages (lead-engagement
 * early, deal-closer later), partnership terms in some negotiations, and for won deals marketing touches in
 * the year before close plus a closing call, so attribution always has something to credit.
 */
export function addDealTouches(
  faker: Faker,
  log: TouchLog,
  opportunities: readonly OpportunitySeed[],
  contacts: readonly ContactSeed[],
  campaigns: readonly CampaignSeed[],
  clock: SeedClock,
): void {
  for (const deal of opportunities) {
    const members = contacts.filter((c) => c.deals.includes(deal));
    if (members.length === 0) continue;
    const end = deal.closedMs ?? clock.now;
    const pick = () => faker.helpers.arrayElement(members);
    const add = (contact: ContactSeed, at: number, channel: string, agent: AgentId, template: string) =>
      log.add({
        email: contact.row.email,
        at,
        channel,
        agent,
        campaign: null,
        template: `${agent}/${template}`,
      });

    add(
      pick(),
      deal.createdMs - daysBetween(faker, 3, 20),
      "linkedin",
      "opportunity-scout",
      "intro-linkedin",
    );
    const days = (end - deal.createdMs) / DAY;
    const followUps = Math.max(3, Math.min(14, Math.round(days / 6)));
    for (let i = 0; i < followUps; i++) {
      const at = timeBetween(faker, deal.createdMs, end - HOUR);
      const stage = stageAt(deal, at);
      const channel = weighted(faker, CHANNELS);
      const agent: AgentId = EARLY_STAGES.has(stage) ? "lead-engagement" : "deal-closer";
      add(pick(), at, channel, agent, `${stage}-${channel}-${i + 1}`);
    }
    const negotiation = deal.entries.find((e) => e.stage === "negotiation");
    if (negotiation && chance(faker, 0.3)) {
      const rounds = faker.number.int({ min: 2, max: 4 });
      for (let k = 1; k <= rounds; k++) {
        const at = timeBetween(faker, negotiation.at, end);
        add(pick(), at, k % 2 === 0 ? "call" : "email", "partnership-negotiator", `terms-v${k}`);
      }
    }
    if (deal.closedMs !== null && deal.row.stage === "closed_won") {
      const closed = deal.closedMs;
      const executive = members.find((m) => m.seniority === "c_level" || m.seniority === "vp") ?? pick();
      add(
        executive,
        Math.max(deal.createdMs, closed - timeBetween(faker, HOUR, 3 * DAY)),
        "call",
        "deal-closer",
        "closing-call",
      );
      for (let i = faker.number.int({ min: 2, max: 5 }); i > 0; i--) {
        const contact = pick();
        const at = timeBetween(faker, Math.max(closed - 365 * DAY, contact.createdMs), deal.createdMs);
        const active = campaignsActiveAt(campaigns, at);
        if (active.length === 0) continue;
        const campaign = faker.helpers.arrayElement(active);
        const template = `${campaign.row.id}/account-play`;
        log.add({
          email: contact.row.email,
          at,
          channel: campaign.channel,
          agent: "campaign-execution",
          campaign: campaign.row.id,
          template,
        });
      }
    }
  }
}

/** Adds partner-programme conversations at some accounts with no open deal. */
export function addPartnerTouches(
  faker: Faker,
  log: TouchLog,
  accounts: readonly AccountSeed[],
  contacts: readonly ContactSeed[],
  openDealDomains: ReadonlySet<string>,
  clock: SeedClock,
): void {
  const candidates = accounts.filter(
    (a) => !openDealDomains.has(a.row.domain) && ["SaaS", "Professional Services"].includes(a.industry.name),
  );
  for (const account of faker.helpers.arrayElements(candidates, Math.min(18, candidates.length))) {
    const people = contacts.filter((c) => c.account === account && c.seniority !== "ic");
    if (people.length === 0) continue;
    const from = Math.max(account.createdMs, clock.now - 300 * DAY);
    const talks = faker.number.int({ min: 3, max: 6 });
    for (let k = 1; k <= talks; k++) {
      const contact = faker.helpers.arrayElement(people);
      const at = timeBetween(faker, Math.max(from, contact.createdMs), clock.now - HOUR);
      const template = `partnership-negotiator/partner-programme-${k}`;
      log.add({
        email: contact.row.email,
        at,
        channel: k % 3 === 0 ? "call" : "email",
        agent: "partnership-negotiator",
        campaign: null,
        template,
      });
    }
  }
}

const CHANNELS: ReadonlyArray<readonly [string, number]> = [
  ["email", 50],
  ["call", 35],
  ["linkedin", 15],
];

/** The stage a deal was in at `at`. */
function stageAt(deal: OpportunitySeed, at: number): string {
  let stage = deal.entries[0]?.stage ?? "new";
  for (const entry of deal.entries) if (entry.at <= at) stage = entry.stage;
  return stage;
}
