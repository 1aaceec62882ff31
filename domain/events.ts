import { z } from "zod";

/** Every event type the orchestrator knows; the supervisor routes each by a table. */
export const EVENT_TYPES = [
  "lead_created",
  "lead_qualified",
  "engagement_spike",
  "opportunity_stage_changed",
  "deal_stale",
  "campaign_requested",
  "content_requested",
  "partner_inquiry",
  "kpi_dropped",
  "market_scan_requested",
] as const;

/** One of the known event types. */
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** What an event is about; leads and contacts by email, accounts by domain, opportunities by id. */
export const EntityType = z.enum([
  "lead",
  "contact",
  "account",
  "opportunity",
  "campaign",
  "partner",
  "metric",
]);
export type EntityType = z.infer<typeof EntityType>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** The largest `data` payload an event may carry, in characters of JSON. */
export const MAX_EVENT_DATA_CHARS = 16_384;

/** The common shape of a growth event, before the checks that relate its fields. */
const GrowthEventShape = z
  .object({
    event_type: EventType.describe("What happened"),
    source_agent: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe("Who emitted it: an agent id, a system or a person"),
    entity_type: EntityType.describe("What kind of thing the event is about"),
    entity_id: z.string().trim().min(1).max(320).describe("The entity: email, domain or opportunity id"),
    action: z.string().trim().min(1).max(100).describe("The verb, e.g. qualified, spiked, moved"),
    data: z.record(z.string(), z.unknown()).default({}).describe("Event-specific facts"),
    correlation_id: z.string().trim().min(1).max(200).optional().describe("Ties the events of one request"),
  })
  .strict();

/** A growth event in the orchestrator spec's JSON shape. */
export const GrowthEvent = GrowthEventShape.superRefine((event, ctx) => {
  for (const issue of relatedFieldIssues(event)) ctx.addIssue({ code: "custom", ...issue });
});
export type GrowthEvent = z.infer<typeof GrowthEvent>;

/** Per-type requirements on `data`, beyond the common shape. */
const DATA_RULES: Partial<Record<EventType, z.ZodType>> = {
  kpi_dropped: z.object({
    metric: z.string().min(1),
    previous: z.number(),
    current: z.number(),
  }),
  opportunity_stage_changed: z.object({ to_stage: z.string().min(1) }).passthrough(),
  campaign_requested: z.object({ goal: z.string().min(1) }).passthrough(),
};

/** Checks that tie fields together: the id format an entity type needs, data size, per-type data. */
function relatedFieldIssues(event: {
  event_type?: unknown;
  entity_type?: unknown;
  entity_id?: unknown;
  data?: unknown;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const id = typeof event.entity_id === "string" ? event.entity_id.trim() : null;
  if (id !== null && (event.entity_type === "lead" || event.entity_type === "contact") && !EMAIL.test(id)) {
    issues.push({
      path: ["entity_id"],
      message: `a ${event.entity_type} is identified by its email address; "${id}" is not one`,
    });
  }
  if (id !== null && event.entity_type === "account" && !DOMAIN.test(id)) {
    issues.push({
      path: ["entity_id"],
      message: `an account is identified by its domain (like acme.com); "${id}" is not one`,
    });
  }
  const data = event.data ?? {};
  if (data && typeof data === "object" && JSON.stringify(data).length > MAX_EVENT_DATA_CHARS) {
    issues.push({
      path: ["data"],
      message: `data is larger than ${MAX_EVENT_DATA_CHARS} characters; send a reference, not the payload`,
    });
  }
  const rule = typeof event.event_type === "string" ? DATA_RULES[event.event_type as EventType] : undefined;
  if (rule) {
    const parsed = rule.safeParse(data);
    if (!parsed.success)
      for (const i of parsed.error.issues)
        issues.push({ path: ["data", ...i.path.map(String)], message: i.message });
  }
  return issues;
}

/** Validates a raw event and returns every problem at once (zod stops before cross-field checks otherwise). */
export function validateEvent(
  raw: unknown,
): { ok: true; event: GrowthEvent } | { ok: false; issues: string[] } {
  const parsed = GrowthEvent.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  const lines = describeIssues(parsed.error);
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const issue of relatedFieldIssues(raw as Record<string, unknown>)) {
      const line = `${issue.path.join(".")}: ${issue.message}`;
      if (!lines.includes(line)) lines.push(line);
    }
  }
  return { ok: false, issues: lines };
}

/** Turns a zod error into one line per problem, naming the field: `data.metric: expected string`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "(event)";
    return `${path}: ${issue.message}`;
  });
}
