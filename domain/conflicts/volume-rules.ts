import type { ConflictContext, OutreachIntent, RecentTouch } from "./context.ts";
import type { ConflictRule, Decision } from "./decision.ts";
import type { Cap } from "./policy.ts";
import type { TouchLog } from "./touch-log.ts";
import { type CapCheck, capCheck, countedCapCheck, describeSpan, inRollingWindow } from "./window.ts";

// Rules 5–6 of docs/domain-rules.md "Conflict precedence": they read the touch history, which in a batch includes
// the touches allowed earlier in the same batch.

/** Rule 5: same contact, channel and content inside the dedupe window is a duplicate; the first one is kept. */
export function duplicateRule(intent: OutreachIntent, ctx: ConflictContext, log: TouchLog): Decision | null {
  const window = ctx.policy.dedupeWindowMs;
  const first = log
    .byContact(intent.contactEmail)
    .filter(
      (t) =>
        t.channel === intent.channel &&
        t.contentHash === intent.contentHash &&
        inRollingWindow(t.at, ctx.now, window),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1))[0];
  if (!first) return null;
  return {
    type: "suppress",
    rule: "duplicate",
    reason: `Contact ${intent.contactEmail} already got the same content by ${intent.channel} at ${first.at.toISOString()} (touch ${first.id}), inside the ${describeSpan(window)} dedupe window; the first is kept.`,
  };
}

interface Failed {
  rule: ConflictRule;
  subject: string;
  cap: Cap;
  check: Extract<CapCheck, { ok: false }>;
}

/**
 * Rule 6: frequency caps per contact, per account and per agent over rolling windows. The rule named is the
 * first cap broken (contact, account, agent; each list in policy order); `until` is the latest of the broken
 * caps' times, the first instant at which every cap holds again.
 */
export function capRule(intent: OutreachIntent, ctx: ConflictContext, log: TouchLog): Decision | null {
  const { caps } = ctx.policy;
  const failed: Failed[] = [
    ...broken(
      "cap_contact",
      `Contact ${intent.contactEmail}`,
      caps.perContact,
      log.byContact(intent.contactEmail),
      ctx,
    ),
    ...(intent.accountDomain === null
      ? []
      : broken(
          "cap_account",
          `Account ${intent.accountDomain}`,
          caps.perAccount,
          log.byAccount(intent.accountDomain),
          ctx,
        )),
    ...agentCaps(intent.agent, caps.perAgent, log, ctx),
  ];
  const first = failed[0];
  if (!first) return null;
  const until = new Date(Math.max(...failed.map((f) => f.check.until.getTime())));
  const span = describeSpan(first.cap.windowMs);
  const others = failed.length > 1 ? `, when all ${failed.length} broken caps allow it` : "";
  return {
    type: "defer",
    rule: first.rule,
    reason: `${first.subject} has had ${first.check.count} touch${first.check.count === 1 ? "" : "es"} in the last ${span} (cap ${first.cap.max} per ${span}); the touch to ${intent.contactEmail} waits until ${until.toISOString()}${others}.`,
    until,
  };
}

// Per-agent caps: from the store's count in the window when the context has one, else from the touch list.
function agentCaps(agent: string, caps: readonly Cap[], log: TouchLog, ctx: ConflictContext): Failed[] {
  const counts = ctx.agentCounts?.filter((c) => c.agent === agent) ?? [];
  if (counts.length === 0) return broken("cap_agent", `Agent ${agent}`, caps, log.byAgent(agent), ctx);
  const added = log.addedByAgent(agent).map((t) => t.at);
  const out: Failed[] = [];
  for (const cap of caps) {
    const stored = counts.find((c) => c.windowMs === cap.windowMs && c.max === cap.max);
    const check = stored
      ? countedCapCheck(stored, added, ctx.now, cap)
      : capCheck(
          log.byAgent(agent).map((t) => t.at),
          ctx.now,
          cap,
        );
    if (!check.ok) out.push({ rule: "cap_agent", subject: `Agent ${agent}`, cap, check });
  }
  return out;
}

function broken(
  rule: ConflictRule,
  subject: string,
  caps: readonly Cap[],
  touches: readonly RecentTouch[],
  ctx: ConflictContext,
): Failed[] {
  const times = touches.map((t) => t.at);
  const out: Failed[] = [];
  for (const cap of caps) {
    const check = capCheck(times, ctx.now, cap);
    if (!check.ok) out.push({ rule, subject, cap, check });
  }
  return out;
}
