import { DAY, iso, type SeedClock } from "./clock.ts";
import type { CampaignSeed } from "./types.ts";

/**
 * slug, name, channel, start in days before the anchor (negative: after it), length in days, budget in dollars.
 * `{year}` and `{quarter}` are filled from the start date, so names match any anchor.
 */
type CampaignDef = readonly [string, string, string, number, number, number];

/** The always-on newsletter, sent monthly to subscribers and leads. */
export const NEWSLETTER_ID = "cmp-growth-digest";

const DEFINITIONS: readonly CampaignDef[] = [
  ["growth-digest", "Growth Digest newsletter", "email", 540, 720, 12_000],
  ["revops-benchmark-{year}", "{year} RevOps Benchmark report", "content", 530, 120, 18_000],
  ["webinar-pipeline-hygiene", "Webinar: Pipeline hygiene that scales", "webinar", 480, 45, 9_000],
  ["search-crm-automation", "Paid search: CRM automation", "paid_search", 460, 150, 40_000],
  ["saas-summit-{year}", "SaaS Growth Summit {year} booth", "events", 430, 30, 60_000],
  ["linkedin-cfo-abm", "LinkedIn ABM: CFO forecast accuracy", "linkedin", 400, 90, 25_000],
  ["nurture-{year}-{quarter}", "{quarter} {year} product-led nurture", "email", 370, 75, 6_000],
  ["social-attribution-myths", "Paid social: Attribution myths", "paid_social", 330, 100, 30_000],
  ["revops-playbook-{year}", "The {year} RevOps playbook (ebook)", "content", 230, 140, 15_000],
  ["revenue-leaders-{year}", "Revenue Leaders Summit {year}", "events", 170, 25, 45_000],
  ["search-pipeline-analytics", "Paid search: Pipeline analytics", "paid_search", 150, 160, 35_000],
  ["linkedin-vp-sales", "LinkedIn: VP Sales forecast series", "linkedin", 100, 120, 22_000],
  ["webinar-ai-sdr", "Webinar: AI agents in the SDR team", "webinar", 72, 50, 11_000],
  ["launch-{year}-{quarter}", "{quarter} {year} launch email series", "email", 40, 70, 8_000],
  ["social-retargeting-{quarter}", "Paid social: {quarter} retargeting", "paid_social", 25, 60, 18_000],
  ["webinar-pipeline-planning", "Webinar: Next year's pipeline planning", "webinar", -14, 30, 10_000],
];

/** Builds the demo campaigns: past, running and planned, across every marketing channel. */
export function generateCampaigns(clock: SeedClock): CampaignSeed[] {
  return DEFINITIONS.map(([slug, name, channel, startsDaysAgo, days, budgetDollars]) => {
    const startMs = clock.now - startsDaysAgo * DAY;
    const endMs = startMs + days * DAY;
    const fill = (text: string) => fillDate(text, startMs);
    const status = startMs > clock.now ? "planned" : endMs <= clock.now ? "completed" : "active";
    return {
      row: {
        id: `cmp-${fill(slug).toLowerCase()}`,
        name: fill(name),
        channel,
        status,
        owner_agent: "campaign-planner",
        budget_cents: budgetDollars * 100,
        created_at: iso(Math.max(clock.start, startMs - 21 * DAY)),
      },
      channel,
      startMs,
      endMs,
    };
  });
}

/** The campaigns running at `at` (start ≤ at < end), newsletter excluded: it sources no leads. */
export function campaignsActiveAt(campaigns: readonly CampaignSeed[], at: number): CampaignSeed[] {
  return campaigns.filter((c) => c.row.id !== NEWSLETTER_ID && c.startMs <= at && at < c.endMs);
}

function fillDate(text: string, ms: number): string {
  const date = new Date(ms);
  const quarter = `Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  return text.replaceAll("{year}", String(date.getUTCFullYear())).replaceAll("{quarter}", quarter);
}
