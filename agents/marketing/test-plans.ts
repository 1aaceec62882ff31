import type { PlannerArtefact } from "./artefacts.ts";

/** A plan as campaign-planner hands it over, for a webinar to acme.com and hooli.com. */
export const WEBINAR_PLAN: PlannerArtefact = {
  campaign: {
    id: "cmp-saas-webinar-20260302",
    name: "SaaS 201-1000 webinar campaign",
    goal: "pipeline from SaaS",
    channel: "webinar",
    budgetCents: 1_000_000,
    segment: { industry: "SaaS", sizeBand: "201-1000" },
    audienceDomains: ["acme.com", "hooli.com"],
  },
  exclusions: [],
  notes: [],
};
