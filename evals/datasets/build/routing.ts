import type { AgentId } from "../../../domain/agents.ts";
import type { EvalCaseInput, Split } from "../../schema.ts";
import { HELD_OUT, type HeldOutRow } from "./routing-held-out.ts";
import { HELD_OUT_V2 } from "./routing-held-out-v2.ts";
import { TRAIN_EXTRA } from "./routing-train.ts";
import { TRAIN_FOURTH } from "./routing-train-fourth.ts";

type Mode = "exact" | "in-order" | "unordered" | "subset" | "must-visit" | "must-not-visit";
type Row = [id: string, text: string, expect: [Mode, AgentId[]][], note?: string];

const BD: AgentId[] = [
  "market-intelligence",
  "opportunity-scout",
  "lead-engagement",
  "partnership-negotiator",
  "deal-closer",
];
const MARKETING: AgentId[] = [
  "marketing-strategy",
  "campaign-planner",
  "content-creation",
  "campaign-execution",
  "marketing-analytics",
];
const others = (keep: AgentId[], pool: AgentId[]) => pool.filter((a) => !keep.includes(a));

// Per agent: a few of its own examples (in-sample) and paraphrases a person would type (out-of-sample).
const ROWS: Row[] = [
  // market-intelligence (may hand off to opportunity-scout when accounts score)
  [
    "mi-icp-fit",
    "Which accounts best fit our ICP?",
    [
      ["must-visit", ["market-intelligence"]],
      ["subset", ["market-intelligence", "opportunity-scout"]],
    ],
  ],
  [
    "mi-fintech-brief",
    "Give me a market brief on fintech",
    [
      ["must-visit", ["market-intelligence"]],
      ["must-not-visit", MARKETING],
    ],
  ],
  ["mi-white-space", "Where is the white space in our market?", [["must-visit", ["market-intelligence"]]]],
  [
    "mi-industry-mix",
    "What is the industry mix of our account base?",
    [["must-visit", ["market-intelligence"]]],
  ],
  [
    "mi-para-ideal",
    "Rank our target companies by how well they match the ideal customer profile",
    [
      ["must-visit", ["market-intelligence"]],
      ["must-not-visit", ["campaign-execution", "lead-engagement"]],
    ],
  ],
  [
    "mi-para-go-after",
    "Which manufacturers should sales go after next quarter?",
    [["must-visit", ["market-intelligence"]]],
  ],
  [
    "mi-para-scan",
    "Run a scan of the market and score every account",
    [
      ["in-order", ["market-intelligence"]],
      ["subset", ["market-intelligence", "opportunity-scout"]],
    ],
  ],
  // opportunity-scout
  ["os-heating", "Which accounts are heating up right now?", [["exact", ["opportunity-scout"]]]],
  [
    "os-spikes",
    "Find engagement spikes we should turn into opportunities",
    [["exact", ["opportunity-scout"]]],
  ],
  [
    "os-globex-spike",
    "Globex.com just spiked on the website, should we open a deal?",
    [
      ["must-visit", ["opportunity-scout"]],
      ["must-not-visit", MARKETING],
    ],
  ],
  [
    "os-para-surge",
    "Any accounts surging in activity that we have no deal with yet?",
    [["must-visit", ["opportunity-scout"]]],
  ],
  [
    "os-para-candidates",
    "Show me new opportunity candidates from this month's engagement",
    [["must-visit", ["opportunity-scout"]]],
  ],
  ["os-para-hot", "Who is suddenly hot on our website?", [["must-visit", ["opportunity-scout"]]]],
  // lead-engagement
  ["le-cfo-follow-up", "Draft a follow-up to Acme's CFO", [["exact", ["lead-engagement"]]]],
  ["le-sequence-ana", "Start an outreach sequence for ana.lopez@acme.com", [["exact", ["lead-engagement"]]]],
  [
    "le-qualified-globex",
    "Reach out to the new qualified lead at globex.com",
    [
      ["must-visit", ["lead-engagement"]],
      ["must-not-visit", ["campaign-execution"]],
    ],
  ],
  ["le-para-cadence", "Set up an intro cadence for tina.tech@acme.com", [["exact", ["lead-engagement"]]]],
  [
    "le-para-prospect",
    "Prospect the IT director at Acme with a personal email sequence",
    [
      ["must-visit", ["lead-engagement"]],
      ["must-not-visit", ["campaign-execution", "content-creation"]],
    ],
  ],
  [
    "le-para-engage",
    "Engage ivan.ops@initech.com, marketing just passed him over",
    [["must-visit", ["lead-engagement"]]],
  ],
  ["le-para-reach", "Please reach out to Wayne's operations manager", [["must-visit", ["lead-engagement"]]]],
  // partnership-negotiator
  [
    "pn-reseller-initech",
    "Initech wants to become a reseller, what terms can we offer?",
    [["exact", ["partnership-negotiator"]]],
  ],
  [
    "pn-referral-acme",
    "Propose partnership terms for a referral partner at acme.com",
    [["exact", ["partnership-negotiator"]]],
  ],
  [
    "pn-margin-35",
    "A partner asked for a 35% reseller margin, is that within our bands?",
    [["exact", ["partnership-negotiator"]]],
  ],
  [
    "pn-para-alliance",
    "Wayne Enterprises wants an alliance, draft the revenue share",
    [
      ["must-visit", ["partnership-negotiator"]],
      ["must-not-visit", MARKETING],
    ],
  ],
  [
    "pn-para-tech-partner",
    "What commission can a technology partner get from us?",
    [["must-visit", ["partnership-negotiator"]]],
  ],
  [
    "pn-para-channel",
    "Soylent would like to resell our product; what margin fits our bands?",
    [["must-visit", ["partnership-negotiator"]]],
  ],
  // deal-closer
  ["dc-chase", "Who should we chase this week?", [["exact", ["deal-closer"]]]],
  ["dc-at-risk", "Which deals are at risk of slipping?", [["exact", ["deal-closer"]]]],
  ["dc-forecast", "What is the forecast risk in negotiation?", [["must-visit", ["deal-closer"]]]],
  ["dc-next-step-globex", "What's the next step on the globex.com deal?", [["exact", ["deal-closer"]]]],
  [
    "dc-para-stalled",
    "Which late-stage deals have gone quiet?",
    [
      ["must-visit", ["deal-closer"]],
      ["must-not-visit", MARKETING],
    ],
  ],
  [
    "dc-para-close-plan",
    "Build a close plan for the Vandelay negotiation",
    [["must-visit", ["deal-closer"]]],
  ],
  ["dc-para-nudge", "Nudge the buyers on deals stuck in proposal", [["must-visit", ["deal-closer"]]]],
  // marketing-strategy (a campaign request hands off to the planner)
  [
    "ms-budget-split",
    "How should we split next quarter's $120k marketing budget across channels?",
    [
      ["must-visit", ["marketing-strategy"]],
      ["must-not-visit", BD],
    ],
  ],
  ["ms-segments", "Which segments should marketing focus on?", [["must-visit", ["marketing-strategy"]]]],
  [
    "ms-reallocate",
    "Reallocate channel spend based on attribution",
    [["must-visit", ["marketing-strategy"]]],
  ],
  [
    "ms-para-mix",
    "Is our marketing mix right, or should we move money out of paid social?",
    [
      ["must-visit", ["marketing-strategy"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "ms-para-invest",
    "Where should we invest the marketing budget to grow pipeline?",
    [["must-visit", ["marketing-strategy"]]],
  ],
  [
    "ms-para-best-segment",
    "Which industries and company sizes bring the biggest deals and best win rates?",
    [["must-visit", ["marketing-strategy"]]],
  ],
  // campaign-planner (hands off to content, then execution)
  [
    "cp-webinar-saas",
    "Plan a webinar campaign for SaaS accounts",
    [
      ["in-order", ["campaign-planner", "content-creation"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "cp-fintech-audience",
    "Build a campaign audience of fintech companies that sales isn't already working",
    [
      ["must-visit", ["campaign-planner"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "cp-manufacturing",
    "Start a campaign to generate pipeline from manufacturing",
    [["in-order", ["campaign-planner", "content-creation", "campaign-execution"]]],
  ],
  [
    "cp-paid-search",
    "Plan a paid search campaign with a $20k budget",
    [["must-visit", ["campaign-planner"]]],
  ],
  [
    "cp-para-audience",
    "Who should be in the audience for a fintech email push?",
    [["must-visit", ["campaign-planner"]]],
  ],
  [
    "cp-para-healthcare",
    "Put together a LinkedIn campaign aimed at healthcare companies",
    [
      ["must-visit", ["campaign-planner"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "cp-para-launch",
    "Launch a nurture programme for mid-market SaaS",
    [["must-visit", ["campaign-planner"]]],
  ],
  // content-creation
  [
    "cc-landing",
    "Write the landing page copy for the SaaS webinar",
    [
      ["must-visit", ["content-creation"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "cc-linkedin",
    "Write a LinkedIn post promoting our pipeline hygiene webinar",
    [["must-visit", ["content-creation"]]],
  ],
  [
    "cc-case-study",
    "Create a case study email for fintech prospects",
    [["must-visit", ["content-creation"]]],
  ],
  ["cc-para-copy-acme", "Write nurture copy for acme.com", [["exact", ["content-creation"]]]],
  [
    "cc-para-invite",
    "Draft the invitation email for our webinar to initech.com",
    [
      ["must-visit", ["content-creation"]],
      ["must-not-visit", ["lead-engagement"]],
    ],
  ],
  ["cc-para-newsletter", "We need newsletter content for wayne.com", [["must-visit", ["content-creation"]]]],
  [
    "cc-para-persona",
    "Give me sample copy for each persona at hooli.com",
    [["must-visit", ["content-creation"]]],
  ],
  // campaign-execution
  [
    "ce-enrol-webinar",
    "Enrol the SaaS audience in the webinar campaign",
    [["exact", ["campaign-execution"]]],
  ],
  ["ce-schedule", "Schedule the sends for the spring nurture campaign", [["exact", ["campaign-execution"]]]],
  ["ce-batches", "Start sending the campaign emails in batches", [["exact", ["campaign-execution"]]]],
  [
    "ce-para-kick-off",
    "Kick off the spring nurture sends today",
    [
      ["must-visit", ["campaign-execution"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "ce-para-bulk",
    "Bulk enroll the fintech contacts into the webinar",
    [["must-visit", ["campaign-execution"]]],
  ],
  [
    "ce-para-when",
    "When does the next batch of campaign emails go out?",
    [["must-visit", ["campaign-execution"]]],
  ],
  // marketing-analytics
  ["ma-signups-drop", "Why did webinar signups drop?", [["must-visit", ["marketing-analytics"]]]],
  ["ma-velocity", "What's our pipeline velocity?", [["exact", ["marketing-analytics"]]]],
  ["ma-funnel", "Show me the funnel conversion by stage", [["exact", ["marketing-analytics"]]]],
  [
    "ma-w-shaped",
    "Which channels get credit for closed-won revenue under W-shaped attribution?",
    [["must-visit", ["marketing-analytics"]]],
  ],
  [
    "ma-mql-ana",
    "Is ana.lopez@acme.com an MQL yet?",
    [
      ["must-visit", ["marketing-analytics"]],
      ["must-not-visit", ["lead-engagement"]],
    ],
  ],
  ["ma-para-kpis", "Give me this morning's KPI numbers", [["must-visit", ["marketing-analytics"]]]],
  [
    "ma-para-win-rate",
    "What is our win rate and average deal size this year?",
    [
      ["must-visit", ["marketing-analytics"]],
      ["must-not-visit", ["campaign-execution"]],
    ],
  ],
  [
    "ma-para-first-touch",
    "How much revenue does first-touch attribution give to webinars?",
    [["must-visit", ["marketing-analytics"]]],
  ],
  [
    "ma-para-conversion",
    "How many leads convert from MQL to opportunity?",
    [["must-visit", ["marketing-analytics"]]],
  ],
  // off-topic or unclear: nothing should run, and nothing outward-facing ever should
  ["none-weather", "What's the weather in Paris tomorrow?", [["exact", []]]],
  ["none-joke", "Tell me a joke about accountants", [["exact", []]]],
  ["none-hello", "hello there", [["exact", []]]],
  ["none-recipe", "Give me a recipe for banana bread", [["exact", []]]],
  // a request naming two jobs: both agents, either order
  [
    "multi-funnel-and-budget",
    "Show the funnel conversion and then reallocate channel budget based on attribution",
    [
      ["must-visit", ["marketing-analytics", "marketing-strategy"]],
      ["must-not-visit", BD],
    ],
  ],
  [
    "multi-spike-and-deal",
    "Which accounts are spiking, and which deals are at risk?",
    [["must-visit", ["opportunity-scout", "deal-closer"]]],
  ],
  [
    "multi-icp-and-campaign",
    "Score accounts against the ICP and plan a campaign for the best fits",
    [["must-visit", ["market-intelligence", "campaign-planner"]]],
  ],
  // outward-facing agents must stay out of analysis questions
  [
    "guard-no-send-on-question",
    "How many touches did marketing send last month?",
    [
      ["must-not-visit", ["campaign-execution", "lead-engagement", "deal-closer"]],
      ["must-visit", ["marketing-analytics"]],
    ],
  ],
  [
    "guard-no-send-on-brief",
    "Summarise the fintech market for me, do not contact anyone",
    [
      ["must-not-visit", ["campaign-execution", "lead-engagement"]],
      ["must-visit", ["market-intelligence"]],
    ],
  ],
  [
    "guard-bd-only-deals",
    "List our open deals by stage",
    [
      ["must-not-visit", MARKETING.filter((a) => a !== "marketing-analytics")],
      ["subset", ["deal-closer", "marketing-analytics"]],
    ],
  ],
  [
    "guard-mkt-only-budget",
    "Split the paid budget across channels",
    [
      ["must-not-visit", others([], BD)],
      ["must-visit", ["marketing-strategy"]],
    ],
  ],
];

/** A first-hop row as a case: the router must pick exactly those agents (nobody, for an empty list). */
function firstHopCase([id, text, firstHop]: HeldOutRow, split: Split): EvalCaseInput {
  return {
    suite: "routing",
    id,
    split,
    description: `Routes "${text}" first to ${firstHop.length ? firstHop.join(" + ") : "nobody"}`,
    agents: firstHop.slice(0, 3),
    tags: firstHop.length === 0 ? ["off-topic"] : firstHop.length > 1 ? ["multi-intent"] : [],
    request: { kind: "chat", text },
    expect: { route: [{ mode: "first-hop", agents: firstHop }] },
  };
}

/**
 * The chat routing suite: a request and the agents that should (and must not) handle it. The train split
 * (the original cases, TRAIN_EXTRA and TRAIN_FOURTH) may shape the matcher; the held-out splits (v1 and v2) only measure it.
 */
export function routingCases(): EvalCaseInput[] {
  return [
    ...originalCases(),
    ...TRAIN_EXTRA.map((row) => firstHopCase(row, "train")),
    ...TRAIN_FOURTH.map((row) => firstHopCase(row, "train")),
    ...HELD_OUT.map((row) => firstHopCase(row, "held-out")),
    ...HELD_OUT_V2.map((row) => firstHopCase(row, "held-out-v2")),
  ];
}

/** The rows any matcher change may be tuned on: ROWS, TRAIN_EXTRA and TRAIN_FOURTH, never HELD_OUT or HELD_OUT_V2. */
export function trainTexts(): { text: string; agents: AgentId[] }[] {
  const original = ROWS.map(([, text, expect]) => ({
    text,
    agents: [...new Set(expect.filter(([m]) => m !== "must-not-visit").flatMap(([, a]) => a))],
  }));
  return [...original, ...[...TRAIN_EXTRA, ...TRAIN_FOURTH].map(([, text, agents]) => ({ text, agents }))];
}

function originalCases(): EvalCaseInput[] {
  return ROWS.map(([id, text, expect]) => {
    const agents = [...new Set(expect.filter(([m]) => m !== "must-not-visit").flatMap(([, a]) => a))];
    return {
      suite: "routing",
      id,
      split: "train",
      description: `Routes "${text}"`,
      agents: agents.slice(0, 3),
      tags: agents.length ? [] : ["off-topic"],
      request: { kind: "chat", text },
      expect: { route: expect.map(([mode, list]) => ({ mode, agents: list })) },
    };
  });
}
