import { researchScoreAccounts } from "../tools/research/score-accounts.ts";
import { defineAgent } from "./agent.ts";
import { MarketBriefArtefact } from "./bd/artefacts.ts";
import { triggerOf } from "./bd/request.ts";
import { dataString, eventOf, mentioned } from "./marketing/request.ts";

/** How many accounts the brief lists. */
export const BRIEF_TOP_ACCOUNTS = 10;

/** Words in a chat that ask for the next step after the brief: turning it into opportunities. */
const WANTS_OPPORTUNITIES = /\bopportunit|\bscan\b|\bpursue\b|\bchase\b|\bpipeline\b/i;

/** Scores accounts against the ICP and writes a market brief; a scan hands off to opportunity-scout. */
export const marketIntelligence = defineAgent({
  id: "market-intelligence",
  cluster: "bd",
  title: "Market intelligence",
  description:
    "Scores accounts against the ideal customer profile (industry, company size, market, seniority of contacts) " +
    "and writes a market brief: the best-fitting accounts with fit scores and reasons, white space nobody " +
    "works yet, and the industry mix.",
  examples: [
    "Which accounts best fit our ICP?",
    "Give me a market brief on fintech",
    "Score our accounts against the ideal customer profile",
    "Where is the white space in our market?",
    "Run a market scan and tell me which companies we should go after",
    "What is the industry mix of our account base?",
  ],
  reads: [],
  tools: [researchScoreAccounts],
  artefact: MarketBriefArtefact,
  async playbook(input, kit) {
    const scan = eventOf(input.request, "market_scan_requested");
    const text = input.request.kind === "chat" ? input.request.text : "";
    // The industry: named in the event, else a known industry the chat mentions.
    let industry = dataString(scan, "industry");
    if (!industry && text) {
      const { industries } = await kit.use(researchScoreAccounts, { limit: 1 });
      industry = mentioned(
        text,
        industries.map((i) => i.industry).filter((i) => i !== "unknown"),
      );
    }
    const scored = await kit.use(researchScoreAccounts, { industry, limit: BRIEF_TOP_ACCOUNTS });
    const top = scored.accounts.map((a) => ({
      domain: a.domain,
      fit: a.fit,
      reasons: a.reasons,
      industry: a.industry,
      sizeBand: a.sizeBand,
      openOpportunities: a.openOpportunities,
      owned: a.owner !== null || a.openOpportunities > 0,
      suppressed: a.suppressed,
    }));
    const whiteSpace = top
      .filter((a) => a.fit >= scored.icpThreshold && !a.owned && !a.suppressed)
      .map((a) => a.domain);
    const handoff =
      scan !== null ||
      (input.request.kind === "play" && input.request.play === "weekly-market-scan") ||
      WANTS_OPPORTUNITIES.test(text);

    const scope = industry ? `${industry} accounts` : "accounts";
    const summary =
      scored.total === 0
        ? `No ${scope} to score${industry ? `; check the industry name` : ""}.`
        : `Scored ${scored.total} ${scope}: ${scored.inIcp} inside the ICP (fit ≥ ${scored.icpThreshold}). ` +
          `Top: ${top
            .slice(0, 3)
            .map((a) => `${a.domain} ${a.fit}`)
            .join(", ")}. ` +
          (whiteSpace.length > 0
            ? `White space nobody works yet: ${whiteSpace.join(", ")}.`
            : "Every top account is already worked or suppressed.");
    return {
      artefact: {
        trigger: triggerOf(input.request),
        industry: industry ?? null,
        accountsScored: scored.total,
        icpThreshold: scored.icpThreshold,
        inIcp: scored.inIcp,
        topAccounts: top,
        whiteSpace,
        industryMix: scored.industries,
      },
      summary,
      proposals: [],
      ...(handoff && scored.total > 0 ? { handoffs: ["opportunity-scout" as const] } : {}),
    };
  },
});
