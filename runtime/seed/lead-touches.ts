import type { Faker } from "@faker-js/faker";
import { DAY, HOUR, iso, type SeedClock } from "./clock.ts";
import { chance, daysBetween, timeBetween, weighted } from "./random.ts";
import type { TouchLog } from "./touch-log.ts";
import type { LeadSeed, SequenceRow } from "./types.ts";

/** How long a BD outreach sequence runs, and its steps in order. */
const SEQUENCE_DAYS = 21;
const STEPS = ["email", "linkedin", "email", "call"] as const;

/** Adds the touch that created each lead: a campaign response, an outbound prospecting touch or a partner intro. */
export function addLeadSourceTouches(faker: Faker, log: TouchLog, leads: readonly LeadSeed[]): void {
  for (const lead of leads) {
    const email = lead.row.contact_email;
    const at = lead.contact.createdMs;
    if (lead.campaignId !== null) {
      const channel = lead.row.source ?? "email";
      const template = `${lead.campaignId}/sign-up`;
      log.add({ email, at, channel, agent: "campaign-execution", campaign: lead.campaignId, template });
    } else if (lead.row.source === "outbound") {
      const channel = chance(faker, 0.6) ? "linkedin" : "email";
      log.add({
        email,
        at,
        channel,
        agent: "opportunity-scout",
        campaign: null,
        template: `opportunity-scout/prospect-${channel}`,
      });
    } else if (lead.row.source === "referral" && chance(faker, 0.5)) {
      const template = "partnership-negotiator/partner-referral-intro";
      log.add({ email, at, channel: "email", agent: "partnership-negotiator", campaign: null, template });
    }
  }
}

/**
 * Starts a lead-engagement sequence for each sales-qualified lead once it qualified, and adds the steps
 * already sent; sequences that began in the last three weeks are still active.
 */
export function generateSequences(
  faker: Faker,
  log: TouchLog,
  leads: readonly LeadSeed[],
  clock: SeedClock,
): SequenceRow[] {
  const sequences: SequenceRow[] = [];
  for (const lead of leads) {
    if (lead.qualifiedMs === null || lead.status === "mql") continue;
    const startedMs = lead.qualifiedMs + timeBetween(faker, 2 * HOUR, 2 * DAY);
    if (startedMs > clock.now - HOUR) continue;
    const email = lead.row.contact_email;
    let at = startedMs;
    let lastSent = startedMs;
    for (const [i, channel] of STEPS.entries()) {
      if (i > 0) at += daysBetween(faker, 2, 4);
      const template = `lead-engagement/step-${i + 1}-${channel}`;
      if (log.add({ email, at, channel, agent: "lead-engagement", campaign: null, template })) lastSent = at;
    }
    const plannedEnd = startedMs + SEQUENCE_DAYS * DAY;
    let status = "completed";
    let endsMs = plannedEnd;
    if (lead.status !== "converted" && plannedEnd > clock.now) status = "active";
    else if (
      lead.status !== "converted" &&
      weighted(faker, [
        [true, 35],
        [false, 65],
      ] as const)
    ) {
      // The contact replied or asked to pause: the sequence stopped early.
      status = "stopped";
      endsMs = Math.min(lastSent + timeBetween(faker, HOUR, 2 * DAY), plannedEnd);
    }
    sequences.push({
      id: `seq-${String(sequences.length + 1).padStart(4, "0")}`,
      contact_email: email,
      account_domain: lead.row.account_domain ?? null,
      agent: "lead-engagement",
      cluster: "bd",
      status,
      started_at: iso(startedMs),
      ends_at: iso(endsMs),
    });
  }
  return sequences;
}
