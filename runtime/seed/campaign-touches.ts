import type { Faker } from "@faker-js/faker";
import type { AgentId } from "../../domain/agents.ts";
import { NEWSLETTER_ID } from "./campaigns.ts";
import { DAY, HOUR, type SeedClock } from "./clock.ts";
import { chance, timeBetween } from "./random.ts";
import type { TouchLog } from "./touch-log.ts";
import type { CampaignSeed, ContactSeed } from "./types.ts";

/** Marketing sends go out through campaign-execution; content-creation gets credit for some downloads. */
const AGENT: AgentId = "campaign-execution";
const NEWSLETTER_STAGES = new Set(["subscriber", "lead", "mql", "customer", "evangelist"]);

/** Adds the marketing touches of every started campaign: sends, registrations, clicks, downloads, booth scans. */
export function addCampaignTouches(
  faker: Faker,
  log: TouchLog,
  campaigns: readonly CampaignSeed[],
  contacts: readonly ContactSeed[],
  clock: SeedClock,
): void {
  for (const campaign of campaigns) {
    if (campaign.startMs > clock.now) continue;
    const last = Math.min(campaign.endMs, clock.now);
    const reach = contacts.filter((c) => c.createdMs < last);
    const id = campaign.row.id;
    const touch = (contact: ContactSeed, at: number, template: string, channel = campaign.channel) =>
      log.add({
        email: contact.row.email,
        at,
        channel,
        agent: AGENT,
        campaign: id,
        template: `${id}/${template}`,
      });
    const sample = (n: number) => faker.helpers.arrayElements(reach, Math.min(n, reach.length));

    if (id === NEWSLETTER_ID) {
      const readers = reach.filter((c) => NEWSLETTER_STAGES.has(c.lifecycle));
      for (let at = campaign.startMs + 3 * DAY, issue = 1; at <= last; at += 30 * DAY, issue++) {
        const eligible = readers.filter((c) => c.createdMs <= at);
        const count = Math.min(eligible.length, faker.number.int({ min: 150, max: 200 }));
        for (const c of faker.helpers.arrayElements(eligible, count))
          touch(c, at + jitter(faker), `issue-${issue}`);
      }
      continue;
    }
    const length = campaign.endMs - campaign.startMs;
    const anytime = () => timeBetween(faker, campaign.startMs, last);
    switch (campaign.channel) {
      case "email":
        for (const c of sample(300)) {
          for (const [wave, share] of [0, 0.35, 0.7].entries()) {
            touch(c, campaign.startMs + share * length + jitter(faker), `email-${wave + 1}`);
          }
        }
        break;
      case "webinar": {
        const event = campaign.startMs + 0.8 * length;
        for (const c of sample(220)) {
          touch(c, timeBetween(faker, campaign.startMs, event - HOUR), "registration");
          if (chance(faker, 0.55)) touch(c, event + jitter(faker) / 6, "attended");
        }
        break;
      }
      case "events": {
        const day = campaign.startMs + length / 2;
        for (const c of sample(140)) {
          const at = day + timeBetween(faker, 0, 2 * DAY);
          touch(c, at, "booth-scan");
          if (chance(faker, 0.6)) touch(c, at + 2 * DAY + jitter(faker), "follow-up", "email");
        }
        break;
      }
      case "content":
        for (const c of sample(300)) {
          const agent: AgentId = chance(faker, 0.2) ? "content-creation" : AGENT;
          log.add({
            email: c.row.email,
            at: anytime(),
            channel: "content",
            agent,
            campaign: id,
            template: `${id}/download`,
          });
        }
        break;
      case "linkedin":
        for (const c of sample(250)) touch(c, anytime(), `inmail-${faker.number.int({ min: 1, max: 2 })}`);
        break;
      default:
        for (const c of sample(230)) touch(c, anytime(), `ad-${faker.number.int({ min: 1, max: 3 })}`);
    }
  }
}

/** Up to six hours of spread, so a send or an event is not one instant. */
function jitter(faker: Faker): number {
  return timeBetween(faker, 0, 6 * HOUR);
}
