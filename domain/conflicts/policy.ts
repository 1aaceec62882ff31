import { UserError } from "../errors.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A frequency cap: at most `max` touches in any rolling window `(now − windowMs, now]`. */
export interface Cap {
  readonly windowMs: number;
  readonly max: number;
}

/** The tunable numbers behind the conflict rules; build one with `conflictPolicy()` so it is validated. */
export interface ConflictPolicy {
  /** Same contact, channel and content inside this window is a duplicate. */
  readonly dedupeWindowMs: number;
  readonly caps: {
    readonly perContact: readonly Cap[];
    readonly perAccount: readonly Cap[];
    readonly perAgent: readonly Cap[];
  };
  /** How long a paused touch (open opportunity, active BD sequence) waits before it is proposed again. */
  readonly pauseRecheckMs?: number;
}

/** What `conflictPolicy()` accepts: any field left out keeps its default; a cap list given replaces the default list. */
export interface ConflictPolicyInput {
  dedupeWindowMs?: number;
  caps?: { perContact?: readonly Cap[]; perAccount?: readonly Cap[]; perAgent?: readonly Cap[] };
  pauseRecheckMs?: number;
}

/** The pause used when a policy leaves `pauseRecheckMs` out: one day. */
export const DEFAULT_PAUSE_RECHECK_MS = DAY;

/** Sensible defaults: dedupe 14 days; per contact 1 per 3 days and 3 per 30 days; per account 5 per 7 days; per agent 500 per day. */
export const DEFAULT_CONFLICT_POLICY: ConflictPolicy = freeze({
  dedupeWindowMs: 14 * DAY,
  caps: {
    perContact: [
      { windowMs: 3 * DAY, max: 1 },
      { windowMs: 30 * DAY, max: 3 },
    ],
    perAccount: [{ windowMs: 7 * DAY, max: 5 }],
    perAgent: [{ windowMs: DAY, max: 500 }],
  },
  pauseRecheckMs: DEFAULT_PAUSE_RECHECK_MS,
});

const TOP_KEYS = ["dedupeWindowMs", "caps", "pauseRecheckMs"];
const CAP_KEYS = ["perContact", "perAccount", "perAgent"] as const;

/** The defaults with some fields overridden; throws a UserError naming the field when a window or max is not a positive integer. */
export function conflictPolicy(input: ConflictPolicyInput = {}): ConflictPolicy {
  const unknown = [
    ...Object.keys(input).filter((k) => !TOP_KEYS.includes(k)),
    ...Object.keys(input.caps ?? {})
      .filter((k) => !(CAP_KEYS as readonly string[]).includes(k))
      .map((k) => `caps.${k}`),
  ];
  if (unknown.length > 0) {
    throw new UserError(
      "unknown_conflict_policy_field",
      `Unknown field ${unknown.map((k) => `"${k}"`).join(", ")} in the conflict policy; use dedupeWindowMs, pauseRecheckMs and caps.{${CAP_KEYS.join(", ")}}.`,
      { details: { unknown } },
    );
  }
  const defaults = DEFAULT_CONFLICT_POLICY;
  const policy: ConflictPolicy = {
    dedupeWindowMs: positive("dedupeWindowMs", input.dedupeWindowMs ?? defaults.dedupeWindowMs),
    caps: {
      perContact: caps("perContact", input.caps?.perContact ?? defaults.caps.perContact),
      perAccount: caps("perAccount", input.caps?.perAccount ?? defaults.caps.perAccount),
      perAgent: caps("perAgent", input.caps?.perAgent ?? defaults.caps.perAgent),
    },
    pauseRecheckMs: positive("pauseRecheckMs", input.pauseRecheckMs ?? DEFAULT_PAUSE_RECHECK_MS),
  };
  return freeze(policy);
}

function caps(kind: (typeof CAP_KEYS)[number], list: readonly Cap[]): Cap[] {
  return list.map((cap, i) => ({
    windowMs: positive(`caps.${kind}[${i}].windowMs`, cap.windowMs),
    max: positive(`caps.${kind}[${i}].max`, cap.max),
  }));
}

function positive(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    const hint = field.endsWith("max")
      ? "give a whole number of touches of at least 1 (remove the cap to lift it)"
      : `give a whole number of milliseconds above 0 (e.g. ${3 * DAY} for 3 days, ${30 * MINUTE} for 30 minutes)`;
    throw new UserError(
      "invalid_conflict_policy",
      `The conflict policy's ${field} is ${String(value)}; ${hint}.`,
      { details: { field, value } },
    );
  }
  return value;
}

function freeze(policy: ConflictPolicy): ConflictPolicy {
  return Object.freeze({
    ...policy,
    caps: Object.freeze({
      perContact: Object.freeze(policy.caps.perContact.map((c) => Object.freeze({ ...c }))),
      perAccount: Object.freeze(policy.caps.perAccount.map((c) => Object.freeze({ ...c }))),
      perAgent: Object.freeze(policy.caps.perAgent.map((c) => Object.freeze({ ...c }))),
    }),
  });
}
