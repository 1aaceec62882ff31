import type { ConflictContext, OutreachIntent, RecentTouch } from "./context.ts";
import { type ConflictPolicy, conflictPolicy } from "./policy.ts";

/** One day in milliseconds. */
export const DAY = 86_400_000;

/** The fixed "now" of the hand-worked tests: 2025-03-01T12:00Z. */
export const NOW = new Date(Date.UTC(2025, 2, 1, 12));

/** A time `ms` milliseconds before NOW (negative: after). */
export function ago(ms: number): Date {
  return new Date(NOW.getTime() - ms);
}

/** A marketing nurture email to ana@acme.com unless overridden. */
export function intent(overrides: Partial<OutreachIntent> = {}): OutreachIntent {
  return {
    actionId: "campaign-execution#1",
    agent: "campaign-execution",
    cluster: "marketing",
    play: "nurture",
    contactEmail: "ana@acme.com",
    accountDomain: "acme.com",
    channel: "email",
    contentHash: "h-welcome",
    at: NOW,
    ...overrides,
  };
}

/** A BD sequence intent by lead-engagement unless overridden. */
export function bdIntent(overrides: Partial<OutreachIntent> = {}): OutreachIntent {
  return intent({
    actionId: "lead-engagement#1",
    agent: "lead-engagement",
    cluster: "bd",
    play: "sequence",
    ...overrides,
  });
}

/** A past touch to ana@acme.com by email with other content, `msAgo` before NOW. */
export function touch(id: string, msAgo: number, overrides: Partial<RecentTouch> = {}): RecentTouch {
  return {
    id,
    contactEmail: "ana@acme.com",
    accountDomain: "acme.com",
    channel: "email",
    contentHash: `h-${id}`,
    agent: "someone-else",
    at: ago(msAgo),
    ...overrides,
  };
}

/** A policy with no caps unless given, so each test sees only the rule it is about. */
export function policy(overrides: Parameters<typeof conflictPolicy>[0] = {}): ConflictPolicy {
  return conflictPolicy({
    dedupeWindowMs: 14 * DAY,
    pauseRecheckMs: DAY,
    ...overrides,
    caps: { perContact: [], perAccount: [], perAgent: [], ...overrides.caps },
  });
}

/** An empty context at NOW with an uncapped policy unless overridden. */
export function ctx(overrides: Partial<ConflictContext> = {}): ConflictContext {
  return {
    now: NOW,
    suppressions: [],
    openOpportunities: [],
    activeSequences: [],
    lease: null,
    recentTouches: [],
    policy: policy(),
    ...overrides,
  };
}
