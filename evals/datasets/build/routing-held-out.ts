import type { AgentId } from "../../../domain/agents.ts";

/**
 * One held-out request: its id, the text a person typed, and the agents its first hop must pick (the
 * primary one first for a request asking for one thing; for a multi-intent request, every agent it needs).
 * An empty list means nothing should run: off-topic, or not this product's job.
 */
export type HeldOutRow = [id: string, text: string, firstHop: AgentId[]];

/**
 * The held-out routing cases. Written before the text classifier was built, from how growth, sales and
 * RevOps people phrase requests in chat: paraphrases, typos, shorthand, several asks at once, and requests
 * naming none of an agent's keywords. Never used to change the matcher; the set only grows (edits and
 * removals are refused by the committed hash list, see evals/README.md).
 */
export const HELD_OUT: readonly HeldOutRow[] = [
  // market-intelligence: fit, market briefs, white space, look-alikes, who sales should target
  ["ho-mi-lookalikes", "Find companies that look like our best customers", ["market-intelligence"]],
  [
    "ho-mi-trends-lookalike",
    "What are the trends in logistics and which accounts look like our winners there?",
    ["market-intelligence"],
  ],
  ["ho-mi-tam", "How big is our addressable market in healthcare?", ["market-intelligence"]],
  ["ho-mi-typo-icp", "whcih acounts match our icp", ["market-intelligence"]],
  ["ho-mi-untouched", "Which good-fit companies is nobody working yet?", ["market-intelligence"]],
  ["ho-mi-territory", "Who should the new AE target in their territory?", ["market-intelligence"]],
  ["ho-mi-landscape", "Give me a quick read on the competitive landscape in retail", ["market-intelligence"]],
  ["ho-mi-tier", "Tier our target account list by fit", ["market-intelligence"]],
  [
    "ho-mi-vertical-split",
    "What share of our accounts are in manufacturing vs SaaS?",
    ["market-intelligence"],
  ],
  ["ho-mi-abm-list", "Build me an ABM target list of enterprise logos", ["market-intelligence"]],
  ["ho-mi-profile-fit", "Is wayne.com a good fit for us?", ["market-intelligence"]],
  // opportunity-scout: intent signals, surges, accounts to open deals on
  ["ho-os-pricing-page", "Who's been on the pricing page a lot but has no deal yet?", ["opportunity-scout"]],
  ["ho-os-intent", "Which accounts are showing buying intent?", ["opportunity-scout"]],
  ["ho-os-warm", "Any accounts getting warmer that sales should know about?", ["opportunity-scout"]],
  ["ho-os-typo-spike", "any acounts spiking this wek?", ["opportunity-scout"]],
  [
    "ho-os-open-opps",
    "Should we open opportunities for any of the accounts that just got busy?",
    ["opportunity-scout"],
  ],
  ["ho-os-activity-jump", "Whose activity jumped in the last two weeks?", ["opportunity-scout"]],
  ["ho-os-new-pipeline", "Where can we create new pipeline from recent engagement?", ["opportunity-scout"]],
  ["ho-os-signals", "Surface the engagement signals worth turning into deals", ["opportunity-scout"]],
  ["ho-os-visits", "Hooli's visits went through the roof, is that a deal?", ["opportunity-scout"]],
  ["ho-os-uptick", "Which companies have a big uptick in touches and nothing open?", ["opportunity-scout"]],
  ["ho-os-hand-raisers", "Show me the hand-raisers we haven't opened a deal for", ["opportunity-scout"]],
  // lead-engagement: outreach to a named lead or contact
  ["ho-le-cold-email", "Email the VP Sales at Globex and introduce us", ["lead-engagement"]],
  ["ho-le-mql-handoff", "Marketing sent over a new MQL from Umbrella, can you work it?", ["lead-engagement"]],
  ["ho-le-typo-followup", "folow up with the cfo at acme", ["lead-engagement"]],
  [
    "ho-le-linkedin-note",
    "Write a LinkedIn note to tina.tech@acme.com after the first email",
    ["lead-engagement"],
  ],
  ["ho-le-break-up", "Send a break-up email to the Initech lead who went silent", ["lead-engagement"]],
  ["ho-le-touch-base", "Touch base with the head of ops at hooli.com", ["lead-engagement"]],
  [
    "ho-le-inbound-demo",
    "An inbound demo request came in from stark.com, get back to them",
    ["lead-engagement"],
  ],
  ["ho-le-prospect-seq", "Put the new qualified leads into a prospecting sequence", ["lead-engagement"]],
  ["ho-le-intro-seq", "Kick off a 4-step intro sequence for the Umbrella contact", ["lead-engagement"]],
  ["ho-le-ping", "Can you ping ana.lopez@acme.com about a call?", ["lead-engagement"]],
  ["ho-le-personal", "Write a personal note to the operations lead at Wayne", ["lead-engagement"]],
  // partnership-negotiator: partner terms, margins, fees, rev share
  [
    "ho-pn-var",
    "A VAR in Germany wants to sell our product, what do we give them?",
    ["partnership-negotiator"],
  ],
  [
    "ho-pn-affiliate",
    "What referral fee do we pay a consultant who sends us deals?",
    ["partnership-negotiator"],
  ],
  ["ho-pn-typo-reseller", "resseler margin for initech?", ["partnership-negotiator"]],
  ["ho-pn-counter", "The partner is asking for 40% rev share, counter it", ["partnership-negotiator"]],
  [
    "ho-pn-integration",
    "Hooli wants to build an integration and co-sell, draft the terms",
    ["partnership-negotiator"],
  ],
  ["ho-pn-agency", "An agency wants a cut for every client they refer", ["partnership-negotiator"]],
  ["ho-pn-distributor", "Draft a distributor agreement offer for soylent.com", ["partnership-negotiator"]],
  ["ho-pn-discount-band", "How much discount can a reseller partner get?", ["partnership-negotiator"]],
  ["ho-pn-channel-deal", "Set up channel partner terms for stark.com", ["partnership-negotiator"]],
  ["ho-pn-revshare-tech", "What's a fair revenue split with a tech partner?", ["partnership-negotiator"]],
  ["ho-pn-reply", "Reply to Umbrella's partnership inquiry with our terms", ["partnership-negotiator"]],
  // deal-closer: late-stage deals, slippage, follow-ups on deals, forecast risk
  ["ho-dc-not-moved", "Which opportunities haven't moved in a month?", ["deal-closer"]],
  ["ho-dc-commit", "Which deals in commit could slip out of the quarter?", ["deal-closer"]],
  ["ho-dc-typo-stale", "stalled deals in negotation?", ["deal-closer"]],
  ["ho-dc-go-dark", "Which prospects went dark after we sent the proposal?", ["deal-closer"]],
  ["ho-dc-push", "Help me get the Vandelay deal over the line", ["deal-closer"]],
  ["ho-dc-requalify", "Should we requalify the deals that have been stuck for ages?", ["deal-closer"]],
  ["ho-dc-pipeline-review", "Prep my pipeline review: what's at risk in late stage?", ["deal-closer"]],
  ["ho-dc-follow-up-deal", "Follow up on the proposal we sent to globex.com", ["deal-closer"]],
  ["ho-dc-stuck-proposal", "Anything stuck in proposal stage for too long?", ["deal-closer"]],
  [
    "ho-dc-close-this-q",
    "What do we need to do to close the negotiation deals this quarter?",
    ["deal-closer"],
  ],
  ["ho-dc-aging", "Show me aging deals that need a nudge", ["deal-closer"]],
  // marketing-strategy: segments, positioning, budget split, channel mix
  ["ho-ms-positioning", "Which segments should we position ourselves for next year?", ["marketing-strategy"]],
  [
    "ho-ms-budget-cut",
    "If we cut the marketing budget by 20%, where should it come from?",
    ["marketing-strategy"],
  ],
  ["ho-ms-typo-budget", "how shoud we allocate markting budget", ["marketing-strategy"]],
  ["ho-ms-double-down", "Which channels should we double down on?", ["marketing-strategy"]],
  ["ho-ms-paid-vs-events", "Should we spend more on events or on paid ads?", ["marketing-strategy"]],
  [
    "ho-ms-focus",
    "What kind of companies should marketing go after to win bigger deals?",
    ["marketing-strategy"],
  ],
  [
    "ho-ms-plan-year",
    "Draft our marketing plan for next year: segments and spend per channel",
    ["marketing-strategy"],
  ],
  ["ho-ms-shift-spend", "Move spend toward whatever channel drives the most revenue", ["marketing-strategy"]],
  ["ho-ms-mid-market", "Is mid-market or enterprise the better segment for us?", ["marketing-strategy"]],
  ["ho-ms-gtm", "What should our go-to-market focus be for the next two quarters?", ["marketing-strategy"]],
  [
    "ho-ms-channel-floor",
    "Rebalance the channel budget but keep a minimum for each one",
    ["marketing-strategy"],
  ],
  // campaign-planner: plan a campaign, its audience, segment, channel and budget
  ["ho-cp-germany", "Plan a campaign for fintech accounts in Germany", ["campaign-planner"]],
  ["ho-cp-abm-play", "Set up an ABM campaign for enterprise healthcare", ["campaign-planner"]],
  ["ho-cp-typo-plan", "plan a webnar campain for manufacturers", ["campaign-planner"]],
  ["ho-cp-q1-push", "We need a Q1 demand gen push for mid-market SaaS, plan it", ["campaign-planner"]],
  ["ho-cp-email-list", "Who should get our next email blast?", ["campaign-planner"]],
  ["ho-cp-event", "Organise a roadshow campaign for retail companies", ["campaign-planner"]],
  [
    "ho-cp-exclude-bd",
    "Build an audience for the nurture track, leaving out accounts sales owns",
    ["campaign-planner"],
  ],
  [
    "ho-cp-budget-campaign",
    "Design a LinkedIn ads campaign with $15k for logistics firms",
    ["campaign-planner"],
  ],
  ["ho-cp-retarget", "Put together a retargeting campaign for small SaaS companies", ["campaign-planner"]],
  ["ho-cp-launch-plan", "We're launching a new feature, plan the launch campaign", ["campaign-planner"]],
  ["ho-cp-segment-pick", "Pick the segment and channel for our next campaign", ["campaign-planner"]],
  // content-creation: copy, emails, posts, landing pages, case studies
  ["ho-cc-blog-promo", "Write three LinkedIn posts to promote the webinar", ["content-creation"]],
  ["ho-cc-typo-copy", "writ landing pge copy for the fintech campain", ["content-creation"]],
  ["ho-cc-subject-lines", "Give me subject lines and body copy for the nurture emails", ["content-creation"]],
  ["ho-cc-customer-story", "Turn our Soylent win into a customer story email", ["content-creation"]],
  ["ho-cc-invite-copy", "Draft the invite for next month's webinar", ["content-creation"]],
  ["ho-cc-persona-copy", "Tailor the email copy for CFOs and for IT directors", ["content-creation"]],
  ["ho-cc-hero", "Rewrite the hero text on the webinar landing page", ["content-creation"]],
  ["ho-cc-messaging", "Write the messaging for the manufacturing nurture track", ["content-creation"]],
  ["ho-cc-social", "I need social copy for the spring campaign", ["content-creation"]],
  ["ho-cc-email-series", "Write a three-email nurture series for SaaS prospects", ["content-creation"]],
  ["ho-cc-drafts-umbrella", "Draft marketing emails for umbrella.com", ["content-creation"]],
  // campaign-execution: enrol, schedule, send in batches
  [
    "ho-ce-registrants",
    "Add the webinar registrants to the follow-up nurture and start the sends",
    ["campaign-execution"],
  ],
  ["ho-ce-go-live", "Make the fintech campaign go live", ["campaign-execution"]],
  ["ho-ce-typo-enrol", "enrol evryone in the spring campain", ["campaign-execution"]],
  ["ho-ce-push-button", "Press send on the nurture campaign", ["campaign-execution"]],
  ["ho-ce-drip", "Start the drip for the SaaS audience tomorrow morning", ["campaign-execution"]],
  ["ho-ce-batch-size", "Send the launch emails 50 at a time", ["campaign-execution"]],
  ["ho-ce-status", "Has the webinar campaign gone out yet?", ["campaign-execution"]],
  ["ho-ce-roll-out", "Roll out the LinkedIn campaign to its audience", ["campaign-execution"]],
  ["ho-ce-queue", "Queue up the emails for the manufacturing campaign", ["campaign-execution"]],
  ["ho-ce-all-at-once", "Blast the whole list in one go for the launch campaign", ["campaign-execution"]],
  ["ho-ce-add-contacts", "Add the healthcare contacts to the running campaign", ["campaign-execution"]],
  // marketing-analytics: numbers, funnel, attribution, KPIs, revenue by campaign
  ["ho-ma-revenue-campaigns", "Which campaigns generated the most revenue?", ["marketing-analytics"]],
  ["ho-ma-cac", "What did each channel contribute to pipeline last quarter?", ["marketing-analytics"]],
  ["ho-ma-typo-funnel", "whats the convertion rate through the funel", ["marketing-analytics"]],
  ["ho-ma-sales-cycle", "How long does it take a deal to close on average?", ["marketing-analytics"]],
  ["ho-ma-dashboard", "Pull the numbers for my Monday marketing update", ["marketing-analytics"]],
  ["ho-ma-lead-score", "Score the new leads and tell me who's sales-ready", ["marketing-analytics"]],
  ["ho-ma-mom", "How are leads trending month over month?", ["marketing-analytics"]],
  ["ho-ma-roi", "Is the webinar program actually producing revenue?", ["marketing-analytics"]],
  ["ho-ma-win-loss", "What percentage of our opportunities do we win?", ["marketing-analytics"]],
  ["ho-ma-multi-touch", "Break down closed-won revenue by touchpoint", ["marketing-analytics"]],
  ["ho-ma-drop-why", "Why are demo requests down this month?", ["marketing-analytics"]],
  // several asks at once: every agent needed
  [
    "ho-multi-risk-and-chase",
    "Tell me which campaigns drove revenue and which deals are about to slip",
    ["marketing-analytics", "deal-closer"],
  ],
  [
    "ho-multi-plan-and-write",
    "Plan a campaign for logistics companies and write the invitation email",
    ["campaign-planner", "content-creation"],
  ],
  [
    "ho-multi-fit-and-outreach",
    "Find the best-fit accounts in fintech and reach out to the CFO at acme.com",
    ["market-intelligence", "lead-engagement"],
  ],
  [
    "ho-multi-spikes-and-partner",
    "Any accounts spiking? Also Initech asked about reselling, what terms?",
    ["opportunity-scout", "partnership-negotiator"],
  ],
  [
    "ho-multi-budget-and-funnel",
    "How's the funnel converting, and how should we split the budget because of it?",
    ["marketing-analytics", "marketing-strategy"],
  ],
  [
    "ho-multi-copy-and-send",
    "Write the nurture emails for the SaaS campaign, then schedule the sends",
    ["content-creation", "campaign-execution"],
  ],
  [
    "ho-multi-stale-and-icp",
    "Which deals have gone stale, and which accounts fit our ICP best?",
    ["deal-closer", "market-intelligence"],
  ],
  [
    "ho-multi-segments-and-plan",
    "Pick the best segments for us and plan a campaign for the top one",
    ["marketing-strategy", "campaign-planner"],
  ],
  [
    "ho-multi-mql-and-followup",
    "Is ana.lopez@acme.com an MQL yet? If so send her an intro sequence",
    ["marketing-analytics", "lead-engagement"],
  ],
  [
    "ho-multi-heat-and-brief",
    "Give me a market brief on SaaS and tell me which of those accounts are heating up",
    ["market-intelligence", "opportunity-scout"],
  ],
  [
    "ho-multi-partner-and-deal",
    "Draft reseller terms for Soylent; also what's the next step on the Globex deal?",
    ["partnership-negotiator", "deal-closer"],
  ],
  [
    "ho-multi-kpi-and-enrol",
    "Send me the KPI numbers and enrol the fintech audience in the webinar campaign",
    ["marketing-analytics", "campaign-execution"],
  ],
  // off-topic or not this product's job: nothing runs
  ["ho-none-vacation", "Plan my vacation in Italy", []],
  ["ho-none-stocks", "stock market today", []],
  ["ho-none-python", "Write a Python script that reverses a string", []],
  ["ho-none-translate", "Translate 'good morning' into Spanish", []],
  ["ho-none-lunch", "Where should I go for lunch near the office?", []],
  ["ho-none-poem", "Write me a poem about autumn", []],
  ["ho-none-thanks", "thanks, that's all for now", []],
  ["ho-none-capital", "What is the capital of Australia?", []],
  ["ho-none-movie", "Recommend a good movie for tonight", []],
  ["ho-none-password", "How do I reset my laptop password?", []],
  ["ho-none-football", "Who won the football match last night?", []],
  ["ho-none-math", "What's 17 times 23?", []],
  ["ho-none-gibberish", "asdfgh qwerty", []],
  ["ho-none-birthday", "Remind me to buy a birthday present for my mum", []],
  ["ho-none-flight", "Book a flight to Berlin on Friday", []],
];
