import type { ProposedActionInput } from "../domain/actions.ts";
import { accountKey } from "../domain/keys.ts";
import {
  pipelineEngagementSpikes,
  SPIKE_WINDOW_DAYS,
  type SpikeRow,
} from "../tools/pipeline/engagement-spikes.ts";
import { pipelineSegmentDealSize } from "../tools/pipeline/segment-deal-size.ts";
import { defineAgent } from "./agent.ts";
import { MarketBriefArtefact, type ScoutArtefact, ScoutArtefact as ScoutSchema } from "./bd/artefacts.ts";
import { dataNumber, domainsIn, triggerOf } from "./bd/request.ts";
import { dollars, eventOf } from "./marketing/request.ts";
import { parseFilters } from "./request/filters.ts";
import { windowText } from "./request/window.ts";

/** A spike an event reports (web visits in its window) counts on its own from this many visits. */
export const REPORTED_SPIKE_MIN_VISITS = 20;

/** At most this many candidates per run, so a noisy week does not flood the pipeline. */
export const MAX_CANDIDATES = 10;

type Skipped = ScoutArtefact["skipped"][number];

/**
 * Turns engagement spikes into opportunity candidates: accounts whose touches in the last 14 days are at least
 * 3 and at least twice the 14 days before (or an `engagement_spike` event reporting 20+ visits), with no open
 * opportunity and no account suppression, each proposed as `create_opportunity` sized by the segment's
 * average won deal.
 */
export const opportunityScout = defineAgent({
  id: "opportunity-scout",
  cluster: "bd",
  title: "Opportunity scout",
  description:
    "Spots accounts whose engagement is spiking (touches in the last two weeks against the two before, or a " +
    "reported surge of visits) and that have no open opportunity, and proposes new opportunities for them, " +
    "sized from the segment's average won deal.",
  examples: [
    "Which accounts are heating up right now?",
    "Find engagement spikes we should turn into opportunities",
    "Are there new opportunity candidates this week?",
    "Globex.com just spiked on the website, should we open a deal?",
    "Which surging accounts have no open opportunity yet?",
  ],
  reads: ["market-intelligence"],
  tools: [pipelineEngagementSpikes, pipelineSegmentDealSize],
  artefact: ScoutSchema,
  async playbook(input, kit) {
    const spike = eventOf(input.request, "engagement_spike");
    const brief = MarketBriefArtefact.safeParse(input.artefacts["market-intelligence"]);
    const fitOf = new Map(brief.success ? brief.data.topAccounts.map((a) => [a.domain, a.fit]) : []);
    const named =
      spike?.entity_type === "account"
        ? (accountKey(spike.entity_id) ?? undefined)
        : input.request.kind === "chat"
          ? domainsIn(input.request.text)[0]
          : undefined;
    const visits = dataNumber(spike?.data, "visits", "page_views");
    const reported = named && visits !== undefined ? `${visits} visits` : null;

    const { window, accounts } = await kit.use(pipelineEngagementSpikes, { accountDomain: named, limit: 50 });
    const skipped: Skipped[] = [];
    if (named && accounts.length === 0)
      skipped.push({ accountDomain: named, reason: "not an account in the CRM" });
    // Industry and size band a chat names narrow the accounts; the agent node states any other filter.
    const filters =
      input.request.kind === "chat" ? parseFilters(input.request.text, input.vocabulary, input.now) : null;
    const inSegment = (a: SpikeRow) =>
      (!filters?.industries.length ||
        filters.industries.some((i) => i.toLowerCase() === a.industry?.toLowerCase())) &&
      (!filters?.sizeBands.length || (filters.sizeBands as readonly string[]).includes(a.sizeBand));
    const spiking = accounts.filter(inSegment).filter((a) => {
      const hot = a.spike || (reported !== null && (visits ?? 0) >= REPORTED_SPIKE_MIN_VISITS);
      const why = !hot
        ? `no spike: ${a.recent} touches in the ${windowText(input.now, SPIKE_WINDOW_DAYS)} against ${a.previous} before${reported ? `, ${reported} reported (under ${REPORTED_SPIKE_MIN_VISITS})` : ""}`
        : a.suppressed
          ? "the account is suppressed"
          : a.openOpportunities > 0
            ? `already has ${a.openOpportunities} open opportunity(ies)`
            : null;
      if (why) skipped.push({ accountDomain: a.domain, reason: why });
      return why === null;
    });
    const chosen = spiking.slice(0, MAX_CANDIDATES);
    for (const a of spiking.slice(MAX_CANDIDATES))
      skipped.push({
        accountDomain: a.domain,
        reason: `over the ${MAX_CANDIDATES}-candidate cap for one run`,
      });

    const { estimates } =
      chosen.length > 0
        ? await kit.use(pipelineSegmentDealSize, {
            segments: chosen.map((a) => ({ industry: a.industry, sizeBand: a.sizeBand })),
          })
        : { estimates: [] };
    const candidates: ScoutArtefact["candidates"] = [];
    const proposals: ProposedActionInput[] = [];
    chosen.forEach((a: SpikeRow, i) => {
      const estimate = estimates[i]!;
      // With nothing ever won there is no basis for an amount: the candidate still counts, at 0 for the owner to set.
      const amountCents = estimate.amountCents ?? 0;
      const basis =
        estimate.amountCents === null
          ? `${estimate.reason}; amount left for the owner to set`
          : estimate.reason;
      candidates.push({
        accountDomain: a.domain,
        recent: a.recent,
        previous: a.previous,
        reported: a.domain === named ? reported : null,
        fit: fitOf.get(a.domain) ?? null,
        amountCents,
        basis,
      });
      proposals.push({
        type: "create_opportunity",
        accountDomain: a.domain,
        name: `${a.domain} new business (${a.industry ?? "unknown industry"} ${a.sizeBand})`.slice(0, 120),
        amountCents,
        rationale:
          `Engagement spiked: ${a.recent} touches in the ${windowText(input.now, SPIKE_WINDOW_DAYS)} against ${a.previous} before` +
          `${a.domain === named && reported ? `, ${reported} reported` : ""}; no open opportunity. ` +
          (estimate.amountCents === null
            ? `No won deal to size it from (${estimate.reason}): amount left for the owner to set.`
            : `Amount ${dollars(amountCents)} is the ${estimate.reason}.`),
      });
    });

    const summary =
      candidates.length > 0
        ? `Proposed ${candidates.length} opportunity(ies) from engagement in the ${windowText(input.now, SPIKE_WINDOW_DAYS)}: ${candidates
            .map((c) => `${c.accountDomain} ${dollars(c.amountCents)}`)
            .join(", ")}.${skipped.length ? ` Skipped ${skipped.length}.` : ""}`
        : named
          ? `No opportunity for ${named}: ${skipped.find((s) => s.accountDomain === named)?.reason ?? "nothing to propose"}.`
          : `No account spiked without an open opportunity in the ${windowText(input.now, SPIKE_WINDOW_DAYS)}.${skipped.length ? ` Skipped ${skipped.length}.` : ""}`;
    return {
      artefact: { trigger: triggerOf(input.request), window, candidates, skipped },
      summary,
      proposals,
      appliedFilters: ["industry", "size_band"],
    };
  },
});
