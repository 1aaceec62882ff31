import { ReducedValue, StateSchema } from "@langchain/langgraph";
import { z } from "zod";
import { ProposedAction } from "../domain/actions.ts";
import { AgentId } from "../domain/agents.ts";
import { GrowthEvent } from "../domain/events.ts";
import { RunRequest } from "./request.ts";

/** Identity and clock of one run; `now` is fixed at intake so a resumed run decides exactly as before. */
export const RunInfo = z.object({
  runId: z.string(),
  threadId: z.string(),
  correlationId: z.string(),
  /** Event-log id of the accepted request: the causation id of everything the run writes. */
  requestEventId: z.string(),
  now: z.string(),
  dryRun: z.boolean(),
});
export type RunInfo = z.infer<typeof RunInfo>;

/** The guard's verdict on one action (or one contact of a bulk action), plus the approval outcome. */
export const GuardDecision = z.object({
  actionId: z.string(),
  agent: AgentId,
  actionType: z.string(),
  /** The contact email or account domain decided on, or "-" for the whole action. */
  target: z.string(),
  contactEmail: z.string().nullable(),
  accountDomain: z.string().nullable(),
  decision: z.enum(["allow", "defer", "suppress", "escalate"]),
  rule: z.string().nullable(),
  reason: z.string(),
  until: z.string().nullable(),
  approval: z.enum(["not_needed", "required", "approved", "rejected", "edited"]),
  approvalReason: z.string().nullable(),
});
export type GuardDecision = z.infer<typeof GuardDecision>;

/** What the effects node did with one allowed action. */
export const EffectRecord = z.object({
  key: z.string(),
  actionId: z.string(),
  actionType: z.string(),
  target: z.string(),
  status: z.enum(["executed", "already_done", "dry_run"]),
  detail: z.string(),
});
export type EffectRecord = z.infer<typeof EffectRecord>;

/** A failure recorded in the run, kept for the answer and the trace. */
export const RunError = z.object({
  node: z.string(),
  code: z.string(),
  message: z.string(),
  deadLetterId: z.string().nullable(),
});
export type RunError = z.infer<typeof RunError>;

/** One agent's summary line, in the order agents finished. */
export const AgentSummary = z.object({ agent: AgentId, summary: z.string() });
export type AgentSummary = z.infer<typeof AgentSummary>;

function appended<T extends z.ZodType>(item: T) {
  return new ReducedValue(
    z.array(item).default(() => []),
    {
      inputSchema: z.array(item),
      reducer: (current: z.infer<T>[], next: z.infer<T>[]) => [...current, ...next],
    },
  );
}

/** The orchestrator graph's state. Per-run fields are reset at intake, since threads outlive runs. */
export const GraphState = new StateSchema({
  run: RunInfo,
  request: RunRequest,
  /** Agents run so far, in order: the route. */
  route: appended(AgentId),
  /** Agents an agent asked to run next; the supervisor consumes them. */
  handoffs: appended(AgentId),
  hops: z.number().int().default(0),
  artefacts: new ReducedValue(
    z.record(z.string(), z.unknown()).default(() => ({})),
    {
      inputSchema: z.record(z.string(), z.unknown()),
      reducer: (current: Record<string, unknown>, next: Record<string, unknown>) => ({ ...current, ...next }),
    },
  ),
  summaries: appended(AgentSummary),
  proposals: appended(ProposedAction),
  decisions: z.array(GuardDecision).default(() => []),
  effects: z.array(EffectRecord).default(() => []),
  followUps: appended(GrowthEvent),
  errors: appended(RunError),
  answer: z.string().nullable().default(null),
});

/** The full state value. */
export type GraphStateValue = typeof GraphState.State;
/** A partial update a node returns. */
export type GraphStateUpdate = typeof GraphState.Update;
