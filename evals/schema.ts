import { z } from "zod";
import { AgentId } from "../domain/agents.ts";
import { validateEvent } from "../domain/events.ts";
import { FixtureSpec } from "./fixtures/index.ts";

/** The four suites; each has its own dataset file `evals/datasets/<suite>.jsonl`. */
export const SUITES = ["routing", "trajectory", "policy", "content"] as const;
export const Suite = z.enum(SUITES);
export type Suite = z.infer<typeof Suite>;

/** The conflict rules of domain/conflicts, which the datasets must each exercise. */
export const CONFLICT_RULE_NAMES = [
  "suppression",
  "open_opportunity",
  "active_sequence",
  "lease",
  "duplicate",
  "cap_contact",
  "cap_account",
  "cap_agent",
] as const;

/** What starts the run: a chat turn, a growth event (validated like the intake validates it), or a play. */
export const EvalRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("chat"), text: z.string().min(1).max(4_000) }).strict(),
  z
    .object({
      kind: z.literal("event"),
      event: z.record(z.string(), z.unknown()).superRefine((raw, ctx) => {
        const result = validateEvent(raw);
        if (!result.ok) for (const issue of result.issues) ctx.addIssue({ code: "custom", message: issue });
      }),
    })
    .strict(),
  z.object({ kind: z.literal("play"), play: z.string().min(1) }).strict(),
]);
export type EvalRequest = z.infer<typeof EvalRequest>;

/** How a visited route is compared with the expected agents (see scorers/route.ts). */
export const RouteMode = z.enum([
  "exact",
  "in-order",
  "unordered",
  "subset",
  "must-visit",
  "must-not-visit",
  "first-hop",
]);
export type RouteMode = z.infer<typeof RouteMode>;

/** One route expectation: a mode and the agents it names. */
export const RouteExpectation = z.object({ mode: RouteMode, agents: z.array(AgentId) }).strict();
export type RouteExpectation = z.infer<typeof RouteExpectation>;

/** How a tool call's arguments are compared: deep-equal, not at all, or the expected keys only. */
export const ArgMode = z.enum(["exact", "ignore", "subset"]);
export type ArgMode = z.infer<typeof ArgMode>;

/** One expected tool call; without `args` the arguments are ignored. */
export const ExpectedToolCall = z
  .object({
    agent: AgentId.optional(),
    tool: z.string().min(1),
    args: z.record(z.string(), z.unknown()).optional(),
    argMode: ArgMode.optional(),
  })
  .strict();
export type ExpectedToolCall = z.infer<typeof ExpectedToolCall>;

/** The expected tool-call trajectory and how its order is compared. */
export const ToolCallExpectation = z
  .object({
    order: z.enum(["exact", "in-order", "unordered", "superset"]).default("in-order"),
    calls: z.array(ExpectedToolCall).min(1),
  })
  .strict();
export type ToolCallExpectation = z.infer<typeof ToolCallExpectation>;

/** One expected guard decision; fields left out match anything. */
export const ExpectedDecision = z
  .object({
    actionType: z.string().optional(),
    agent: AgentId.optional(),
    target: z.string().optional(),
    contactEmail: z.string().optional(),
    decision: z.enum(["allow", "defer", "suppress", "escalate"]),
    rule: z.string().nullable().optional(),
    approval: z.enum(["not_needed", "required", "approved", "rejected", "edited"]).optional(),
  })
  .strict();
export type ExpectedDecision = z.infer<typeof ExpectedDecision>;

/** Expected guard decisions: `exact` pairs them one to one with the actual ones, `contains` only needs each found. */
export const DecisionExpectation = z
  .object({ match: z.enum(["exact", "contains"]).default("contains"), decisions: z.array(ExpectedDecision) })
  .strict();
export type DecisionExpectation = z.infer<typeof DecisionExpectation>;

/** Step and token budgets of one case. */
export const Budget = z
  .object({
    maxSteps: z.number().int().min(1).default(8).describe("Most agent hops the run may take"),
    maxTokens: z
      .number()
      .int()
      .min(0)
      .default(60_000)
      .describe("Most LLM tokens (in + out) the case may use"),
  })
  .strict();
export type Budget = z.infer<typeof Budget>;

const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, "ids are kebab-case")
    .describe("Unique inside its suite"),
  description: z.string().min(1).describe("What the case checks, in one sentence"),
  agents: z.array(AgentId).default([]).describe("The agents the case is about, for the per-agent table"),
  tags: z.array(z.string()).default([]).describe("Free labels, e.g. the conflict rule exercised"),
  now: z.iso.datetime().default("2026-11-10T12:00:00.000Z").describe("The fixed clock of the case"),
  fixture: FixtureSpec.default({ base: "crm", rows: {} }),
  /** Requests run before the scored one, each approved by a person, to build up state (earlier touches). */
  setup: z.array(EvalRequest).default([]),
  request: EvalRequest,
  /** Conflict-policy overrides for this case, e.g. a tighter per-agent cap; validated by conflictPolicy(). */
  conflictPolicy: z.record(z.string(), z.unknown()).optional(),
  budget: Budget.default({ maxSteps: 8, maxTokens: 60_000 }),
};

/**
 * The parts of the routing suite: what the matcher may learn from (train), and what it is only measured on:
 * held-out-v2 (the set that gates it) and held-out (v1, read while the matcher was tuned, so contaminated;
 * still reported and gated at its level). See evals/README.md.
 */
export const SPLITS = ["train", "held-out", "held-out-v2"] as const;
export const Split = z.enum(SPLITS);
export type Split = z.infer<typeof Split>;

/** Whether a routing split is only measured, never learned from (either held-out set). */
export const isHeldOut = (split: string | undefined): boolean => split?.startsWith("held-out") ?? false;

/** A chat request and the agents that should (and should not) handle it. */
export const RoutingCase = z
  .object({
    ...common,
    suite: z.literal("routing"),
    split: Split.default("train").describe(
      "train: the matcher may learn from it; held-out, held-out-v2: only measured, never tuned on",
    ),
    expect: z.object({ route: z.array(RouteExpectation).min(1) }).strict(),
  })
  .strict();

/** An event (or play) and its expected route, tool calls and guard decisions. */
export const TrajectoryCase = z
  .object({
    ...common,
    suite: z.literal("trajectory"),
    expect: z
      .object({
        route: z.array(RouteExpectation).min(1),
        toolCalls: ToolCallExpectation.optional(),
        decisions: DecisionExpectation.optional(),
        executedEffects: z.number().int().min(0).optional().describe("How many effects the run executes"),
      })
      .strict(),
  })
  .strict();

/** Who stops an action: the conflict guard, a person at the approval gate, the agent itself, or intake. */
export const STOPPERS = ["guard", "approval", "agent", "intake"] as const;
export const StoppedBy = z.enum(STOPPERS);
export type StoppedBy = z.infer<typeof StoppedBy>;

/** Data and a request that must never lead to an effect, even when a person approves everything asked. */
export const PolicyCase = z
  .object({
    ...common,
    suite: z.literal("policy"),
    approve: z
      .enum(["all", "none"])
      .default("all")
      .describe("all: a person approves every approval asked (the strictest test); none: nobody answers"),
    expect: z
      .object({
        rules: z.array(z.string()).describe("The rules expected to stop it (for coverage and the report)"),
        stopped_by: StoppedBy.describe("The layer that must stop it; the scorer checks it"),
        rule: z.string().optional().describe("With stopped_by guard: the guard rule that must stop it"),
        decisions: DecisionExpectation.optional(),
      })
      .strict()
      .refine((e) => (e.stopped_by === "guard") === (e.rule !== undefined), {
        message: "a case stopped by the guard names its rule (and only such a case does)",
      }),
  })
  .strict();

/** A content request and the facts its drafts must contain and the claims they must not make. */
export const ContentCase = z
  .object({
    ...common,
    suite: z.literal("content"),
    expect: z
      .object({
        minDrafts: z.number().int().min(0).default(1),
        facts: z
          .array(z.string().min(1))
          .describe("Texts at least one draft must contain (case-insensitive)"),
        forbidden: z.array(z.string().min(1)).describe("Texts (or /regex/i) no draft may contain"),
        templates: z.array(z.string()).optional().describe("Template ids every draft must come from"),
        route: z.array(RouteExpectation).optional(),
      })
      .strict(),
  })
  .strict();

/** One eval case, of any suite. */
export const EvalCase = z.discriminatedUnion("suite", [RoutingCase, TrajectoryCase, PolicyCase, ContentCase]);
export type EvalCase = z.infer<typeof EvalCase>;
export type EvalCaseInput = z.input<typeof EvalCase>;
export type RoutingCase = z.infer<typeof RoutingCase>;
export type TrajectoryCase = z.infer<typeof TrajectoryCase>;
export type PolicyCase = z.infer<typeof PolicyCase>;
export type ContentCase = z.infer<typeof ContentCase>;
