import type { UsageLine } from "../../store/repos/llm-calls.ts";
import type { RunOutcome } from "../outcome.ts";
import { usageLine } from "../render.ts";

/** Running tallies of a demo: routes, conflicts, approvals, effects, duplicates and errors. */
export class DemoTally {
  readonly routes = new Map<string, number>();
  readonly conflicts = new Map<string, number>();
  readonly approvals = new Map<string, number>();
  readonly effects = new Map<string, number>();
  /** When the tally began: the demo's ledger rows are those written since (`usageSummary(db, "model", { since })`). */
  readonly startedAt = new Date();
  runs = 0;
  duplicates = 0;
  queued = 0;
  followUps = 0;
  errors = 0;

  /** Adds one run's outcome. */
  add(outcome: RunOutcome): void {
    if (outcome.status === "duplicate") {
      this.duplicates++;
      return;
    }
    if (outcome.status === "queued") {
      this.queued++;
      return;
    }
    this.runs++;
    bump(this.routes, outcome.route.length > 0 ? outcome.route.join(" → ") : "(none)");
    for (const d of outcome.decisions) {
      if (d.decision !== "allow") bump(this.conflicts, `${d.rule ?? "?"} → ${d.decision}`);
      if (d.approval !== "not_needed") bump(this.approvals, d.approval);
    }
    for (const e of outcome.effects) if (e.status === "executed") bump(this.effects, e.actionType);
    this.followUps += outcome.followUps.length;
    this.errors += outcome.errors.length;
  }

  /** The summary block printed after the report; `usage` is the ledger since `startedAt`, by model. */
  render(extra: {
    deadLetters: number;
    resumed: number;
    seconds: number;
    policy: string;
    usage?: readonly UsageLine[];
  }): string {
    const section = (title: string, map: Map<string, number>) => {
      const rows = [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (rows.length === 0) return [`${title}: none`];
      return [`${title}:`, ...rows.map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`)];
    };
    return [
      "== Demo summary ==",
      `runs: ${this.runs} · duplicate deliveries ignored: ${this.duplicates} · queued behind approvals: ${this.queued} · resumed from an earlier stop: ${extra.resumed} · ${extra.seconds.toFixed(1)} s`,
      ...section("routes taken", this.routes),
      ...section("conflicts detected (rule → resolution)", this.conflicts),
      ...section("approvals (demo policy)", this.approvals),
      `  policy: ${extra.policy}`,
      ...section("effects executed", this.effects),
      `follow-up events emitted: ${this.followUps}`,
      `errors: ${this.errors} · dead letters open: ${extra.deadLetters}`,
      ...usageSection(extra.usage),
    ].join("\n");
  }
}

function usageSection(usage: readonly UsageLine[] | undefined): string[] {
  if (usage === undefined) return [];
  if (usage.length === 0) return ["LLM usage: none (playbook mode)"];
  return [`LLM usage: ${usageLine(usage)}`, ...usage.map((l) => `  ${l.key}: ${usageLine([l])}`)];
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
