import type { HeldOutRow } from "./routing-held-out.ts";

/**
 * Extra train cases: everyday phrasings, typos and several-asks-at-once requests the classifier may learn
 * from (they join the agents' examples as training text). Same shape as the held-out rows: the agents the
 * first hop must pick; an empty list means nothing should run.
 */
export const TRAIN_EXTRA: readonly HeldOutRow[] = [
  ["tr-mi-best-fit-saas", "Which SaaS companies fit our customer profile?", ["market-intelligence"]],
  ["tr-mi-target-list", "Who should be on our target account list?", ["market-intelligence"]],
  ["tr-mi-market-overview", "Give me an overview of the healthcare market", ["market-intelligence"]],
  ["tr-os-busy", "Which accounts got a lot busier lately and have no deal?", ["opportunity-scout"]],
  ["tr-os-website-surge", "Stark had a surge of website visits, open an opportunity?", ["opportunity-scout"]],
  ["tr-os-intent-signals", "Show accounts with rising intent signals", ["opportunity-scout"]],
  ["tr-le-intro-umbrella", "Send an intro email to the new lead at umbrella.com", ["lead-engagement"]],
  ["tr-le-typo-outreach", "start outreach to the new leed at globex", ["lead-engagement"]],
  ["tr-le-work-mqls", "Work the MQLs marketing handed over today", ["lead-engagement"]],
  ["tr-pn-referral-fee", "What referral fee can we offer hooli.com?", ["partnership-negotiator"]],
  ["tr-pn-resell", "Stark wants to resell our platform, propose terms", ["partnership-negotiator"]],
  ["tr-pn-rev-share", "Suggest a revenue share for the new alliance partner", ["partnership-negotiator"]],
  ["tr-dc-slipping", "Which deals could slip this quarter?", ["deal-closer"]],
  ["tr-dc-quiet", "Which deals in proposal went quiet?", ["deal-closer"]],
  ["tr-dc-typo-chase", "who shoud we chse on late stage deals", ["deal-closer"]],
  ["tr-ms-channel-mix", "Is our channel mix right for next quarter?", ["marketing-strategy"]],
  ["tr-ms-spend", "Where should we put more marketing spend?", ["marketing-strategy"]],
  ["tr-ms-focus-segment", "Which industry and company size should we focus on?", ["marketing-strategy"]],
  ["tr-cp-nurture-plan", "Plan a nurture campaign for healthcare companies", ["campaign-planner"]],
  ["tr-cp-audience-saas", "Build the audience for a SaaS email campaign", ["campaign-planner"]],
  ["tr-cp-typo-campaign", "plan a campain for logistics", ["campaign-planner"]],
  ["tr-cc-post", "Write a post announcing the webinar", ["content-creation"]],
  ["tr-cc-email-copy", "Draft the email copy for the fintech nurture", ["content-creation"]],
  ["tr-cc-case-study", "Write a case study email about our win at Initrode", ["content-creation"]],
  ["tr-ce-send-now", "Start the sends for the webinar campaign now", ["campaign-execution"]],
  ["tr-ce-typo-schedule", "shedule the campaign emails for monday", ["campaign-execution"]],
  ["tr-ce-enrol-list", "Enroll the healthcare audience in the nurture campaign", ["campaign-execution"]],
  ["tr-ma-revenue-channel", "How much revenue did each channel bring in?", ["marketing-analytics"]],
  ["tr-ma-mql-count", "How many MQLs did we get last week?", ["marketing-analytics"]],
  ["tr-ma-conversion", "What's the lead to opportunity conversion rate?", ["marketing-analytics"]],
  [
    "tr-multi-spikes-and-outreach",
    "Which accounts are spiking, and start outreach to the lead at umbrella.com",
    ["opportunity-scout", "lead-engagement"],
  ],
  [
    "tr-multi-kpi-and-budget",
    "Show me the KPIs and rebalance the marketing budget",
    ["marketing-analytics", "marketing-strategy"],
  ],
  [
    "tr-multi-copy-and-plan",
    "Plan a healthcare campaign and write its landing page",
    ["campaign-planner", "content-creation"],
  ],
  ["tr-none-weather", "Will it rain in London this weekend?", []],
  ["tr-none-joke", "Tell me something funny", []],
  ["tr-none-recipe", "How do I cook pasta?", []],
  ["tr-none-hi", "hi, how are you?", []],
  ["tr-none-news", "What's in the news today?", []],
  ["tr-none-song", "Play some music", []],
];
