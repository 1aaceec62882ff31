import type { ProposedActionInput } from "../domain/actions.ts";
import { ToolError } from "../domain/errors.ts";
import { analyticsSegments } from "../tools/analytics/segments.ts";
import { SIZE_BAND_LABELS, type SizeBandLabel } from "../tools/analytics/size-band.ts";
import { campaignBuildAudience } from "../tools/campaigns/build-audience.ts";
import { type AgentKit, defineAgent } from "./agent.ts";
import { PlannerArtefact, StrategyArtefact } from "./marketing/artefacts.ts";
import {
  channelInText,
  dataCents,
  dataString,
  dollars,
  eventOf,
  mentioned,
  parseMoneyCents,
  requestText,
  slug,
  ymd,
} from "./marketing/request.ts";
import { type FilterKind, parseFilters, type RequestFilters } from "./request/filters.ts";

/** The budget of a campaign when neither the request nor the strategy sets one: $10,000. */
export const DEFAULT_CAMPAIGN_BUDGET_CENTS = 1_000_000;

/** The channel of a campaign when nothing names one. */
export const DEFAULT_CAMPAIGN_CHANNEL = "email";

const CHANNEL_LABEL: Readonly<Record<string, string>> = {
  email: "email",
  webinar: "webinar",
  linkedin: "LinkedIn",
  paid_search: "paid search",
  paid_social: "paid social",
  events: "events",
  content: "content",
};

/** Plans campaigns whose audience is a segment minus every account Business Development owns. */
export const campaignPlanner = defineAgent({
  id: "campaign-planner",
  cluster: "marketing",
  title: "Campaign planner",
  description:
    "Plans marketing campaigns: picks the target segment (industry × company size), channel and budget, and builds " +
    "the campaign audience, excluding accounts BD owns (open opportunity, active BD sequence, account owner).",
  examples: [
    "Plan a webinar campaign for SaaS accounts",
    "Build a campaign audience of fintech companies that sales isn't already working",
    "Create a LinkedIn campaign targeting healthcare firms with 201-1000 employees",
    "Which accounts should our next email campaign target?",
    "Start a campaign to generate pipeline from manufacturing",
    "Plan a paid search campaign with a $20k budget",
    "Launch a new nurture campaign for the mid-market segment",
  ],
  reads: ["marketing-strategy"],
  tools: [campaignBuildAudience, analyticsSegments],
  artefact: PlannerArtefact,
  async playbook(input, kit) {
    const event = eventOf(input.request, "campaign_requested");
    const text = requestText(input.request);
    const strategy = StrategyArtefact.safeParse(input.artefacts["marketing-strategy"]);
    const plan = strategy.success ? strategy.data : null;
    const notes: string[] = [];
    // Every filter a chat names is applied: industry, size band, country or region, channel.
    const filters = input.request.kind === "chat" ? parseFilters(text, input.vocabulary, input.now) : null;

    // Segment: the request names it, else the strategy's focus, else the best-ranked segment.
    const named = parseSegment(dataString(event, "segment"));
    let industry = dataString(event, "industry") ?? named.industry ?? filters?.industries[0];
    let sizeBand =
      asSizeBand(dataString(event, "sizeBand") ?? dataString(event, "size_band")) ??
      named.sizeBand ??
      (filters?.sizeBands.length === 1 ? filters.sizeBands[0] : undefined);
    const countries = filters?.countries ?? [];
    const placeNamed = filters?.named.some((f) => f.kind === "country" || f.kind === "region") ?? false;
    if (!industry && plan?.focus) {
      industry = plan.focus.industry;
      sizeBand ??= asSizeBand(plan.focus.sizeBand ?? undefined);
      notes.push(`Segment ${industry} ${sizeBand ?? ""} comes from the strategy's focus.`.replace("  ", " "));
    }
    if (!industry) {
      const { segments } = await kit.use(analyticsSegments, { windowDays: 365, limit: 50 });
      const known = segments.filter((s) => s.industry !== "unknown");
      industry = mentioned(text, [...new Set(known.map((s) => s.industry))]);
      sizeBand ??= asSizeBand(mentioned(text, SIZE_BAND_LABELS));
      if (!industry && known[0]) {
        industry = known[0].industry;
        sizeBand ??= asSizeBand(known[0].sizeBand);
        notes.push(`No segment named; ${industry} ${known[0].sizeBand} has the best expected deal value.`);
      }
    }

    const topChannel = plan?.budget.channels[0];
    const channel =
      dataString(event, "channel") ??
      filters?.channels[0] ??
      channelInText(text) ??
      topChannel?.channel ??
      DEFAULT_CAMPAIGN_CHANNEL;
    const strategyBudget = plan?.budget.channels.find((c) => c.channel === channel)?.budgetCents;
    const budgetCents =
      dataCents(event, "budget_cents") ??
      parseMoneyCents(text) ??
      strategyBudget ??
      DEFAULT_CAMPAIGN_BUDGET_CENTS;

    const where = placeNamed ? describePlace(filters!) : null;
    const audience =
      placeNamed && countries.length === 0
        ? null
        : await audienceIn(
            kit,
            industry,
            sizeBand ? [sizeBand] : (filters?.sizeBands ?? []),
            countries,
            notes,
          );
    if (audience === null) {
      if (placeNamed && countries.length === 0) notes.push(`No account in the CRM is in ${where}.`);
      return {
        artefact: { campaign: null, exclusions: [], notes },
        summary: `No campaign planned: ${notes.at(-1) ?? "no segment matched."}`,
        proposals: [],
        appliedFilters: APPLIED,
      };
    }
    const exclusions = audience.excluded;
    if (audience.audience.length === 0) {
      notes.push("Every account of the segment is owned by BD or suppressed; nothing left to target.");
      return {
        artefact: { campaign: null, exclusions, notes },
        summary: `No campaign planned: all ${exclusions.length} ${industry ?? ""} accounts${where ? ` in ${where}` : ""} are BD-owned or suppressed.`,
        proposals: [],
        appliedFilters: APPLIED,
      };
    }

    const goal =
      dataString(event, "goal") ??
      (input.request.kind === "chat"
        ? input.request.text
        : `pipeline from ${industry ?? "the best segment"}`);
    const id = campaignIdFor(event, industry, channel, input.now);
    const bandsNamed =
      !sizeBand && (filters?.sizeBands.length ?? 0) > 1 ? filters!.sizeBands.join(" and ") : null;
    const segmentName =
      [industry, sizeBand ?? bandsNamed, where ? `in ${where}` : null].filter(Boolean).join(" ") ||
      "all segments";
    // One campaign has one industry: a second one named is said, not silently dropped.
    const otherIndustries = (filters?.industries ?? []).filter((i) => i !== industry);
    const also = otherIndustries.length
      ? ` Planned for ${industry} only; ask again for ${otherIndustries.join(", ")}.`
      : "";
    const name = `${segmentName} ${CHANNEL_LABEL[channel] ?? channel} campaign`.slice(0, 120);
    const domains = audience.audience.map((a) => a.domain);
    const proposal: ProposedActionInput = {
      type: "create_campaign",
      campaignId: id,
      name,
      channel,
      budgetCents,
      audienceDomains: domains,
      rationale:
        `${goal.slice(0, 200)}: ${domains.length} ${segmentName} accounts on ${channel} for ${dollars(budgetCents)}; ` +
        `${exclusions.length} BD-owned or suppressed accounts left out.`,
    };
    return {
      artefact: {
        campaign: {
          id,
          name,
          goal,
          channel,
          budgetCents,
          segment: { industry: industry ?? null, sizeBand: sizeBand ?? null },
          audienceDomains: domains,
        },
        exclusions,
        notes,
      },
      summary:
        `Planned ${name} (${id}): ${domains.length} accounts, ${dollars(budgetCents)}, ` +
        `${exclusions.length} accounts excluded because BD owns them or they are suppressed.${also}`,
      proposals: [proposal],
      handoffs: ["content-creation"],
      appliedFilters: APPLIED,
    };
  },
});

/** The filters the planner applies from a chat request; the answer names any other it was given. */
const APPLIED: readonly FilterKind[] = ["industry", "size_band", "country", "region", "channel"];

/** The places a request named, for the answer: "Germany", or "DACH (DE, AT, CH)". */
function describePlace(filters: RequestFilters): string {
  const places = filters.named.filter((f) => f.kind === "country" || f.kind === "region");
  const region = places.some((p) => p.kind === "region");
  return `${places.map((p) => p.said).join(", ")}${region && filters.countries.length > 0 ? ` (${filters.countries.join(", ")})` : ""}`;
}

/**
 * The audience of the segment in each named country and size band (anywhere and any size when none is
 * named), merged; a named country or band is never widened.
 */
async function audienceIn(
  kit: AgentKit,
  industry: string | undefined,
  bands: readonly SizeBandLabel[],
  countries: readonly string[],
  notes: string[],
) {
  if (countries.length === 0 && bands.length <= 1) return buildAudience(kit, industry, bands[0], notes);
  const found = [];
  for (const country of countries.length > 0 ? countries : [undefined]) {
    for (const band of bands.length > 0 ? bands : [undefined]) {
      const one = await buildAudience(kit, industry, band, [], country, true);
      if (one) found.push(one);
    }
  }
  const merged =
    found.length === 0
      ? null
      : found.slice(1).reduce(
          (all, one) => ({
            ...all,
            matched: all.matched + one.matched,
            audience: [...all.audience, ...one.audience],
            audienceTotal: all.audienceTotal + one.audienceTotal,
            excluded: [...all.excluded, ...one.excluded],
          }),
          found[0]!,
        );
  if (!merged) {
    const where = [
      countries.length ? `in ${countries.join(", ")}` : "",
      bands.length ? `of ${bands.join(" or ")} employees` : "",
    ];
    notes.push(
      `No account matches the segment ${industry ?? ""} ${where.filter(Boolean).join(" ")}.`.replace(
        "  ",
        " ",
      ),
    );
  }
  return merged;
}

/** The audience of the segment; a size band that matches nothing is dropped once before giving up. */
async function buildAudience(
  kit: AgentKit,
  industry: string | undefined,
  sizeBand: SizeBandLabel | undefined,
  notes: string[],
  country?: string,
  strict = false,
): Promise<Awaited<ReturnType<typeof campaignBuildAudience.run>> | null> {
  try {
    return await kit.use(campaignBuildAudience, { industry, sizeBand, country, limit: 500 });
  } catch (error) {
    if (!(error instanceof ToolError) || error.code !== "segment_empty") throw error;
    if (strict) return null; // a named country or band is never widened; the caller says none matched
    if (sizeBand) {
      notes.push(`No ${industry ?? ""} account of ${sizeBand} employees; widened to every size.`);
      return buildAudience(kit, industry, undefined, notes);
    }
    notes.push(`No account matches the segment ${industry ?? ""}.`);
    return null;
  }
}

/** A size band label if the text is one. */
function asSizeBand(text: string | undefined): SizeBandLabel | undefined {
  return SIZE_BAND_LABELS.find((b) => b === text?.trim());
}

/** "SaaS 201-1000" → industry and band; a bare industry is fine. */
function parseSegment(text: string | undefined): { industry?: string; sizeBand?: SizeBandLabel } {
  if (!text) return {};
  const band = SIZE_BAND_LABELS.find((b) => text.includes(b));
  const industry = (band ? text.replace(band, "") : text).replace(/[×x|,]\s*$/, "").trim();
  return { industry: industry || undefined, sizeBand: band };
}

/** A stable campaign id: the requested campaign entity's id, else segment, channel and day. */
function campaignIdFor(
  event: ReturnType<typeof eventOf>,
  industry: string | undefined,
  channel: string,
  now: Date,
): string {
  if (event?.entity_type === "campaign") {
    const id = slug(event.entity_id);
    return id.startsWith("cmp-") ? id : `cmp-${id}`;
  }
  return `cmp-${slug(industry ?? "all")}-${slug(channel)}-${ymd(now)}`;
}
