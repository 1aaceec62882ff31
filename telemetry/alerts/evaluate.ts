import { Cron } from "croner";
import { AGENT_IDS } from "../../domain/agents.ts";
import { findPlay } from "../../graph/routes.ts";
import type { Budgets } from "../../models/budgets.ts";
import type { Store } from "../../store/db.ts";
import {
  agentDurations,
  deadLetterGrowth,
  finishedRuns,
  runOnThread,
} from "../../store/queries/alert-facts.ts";
import { llmSpend } from "../../store/queries/llm-spend.ts";
import { pendingApprovals } from "../../store/queries/telemetry-counts.ts";
import type { AlertRule } from "./config.ts";

/** One alert's verdict now: firing or not, the value it saw, and a sentence for people. */
export interface AlertReading {
  readonly id: string;
  readonly type: AlertRule["type"];
  readonly firing: boolean;
  readonly value: number | null;
  readonly threshold: number;
  readonly message: string;
}

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** The p-th percentile (nearest rank) of a non-empty list. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Reads each alert's facts from the store and says which fire at `now`; budgets are the model config's. */
export async function evaluateAlerts(
  store: Store,
  rules: readonly AlertRule[],
  now: Date,
  budgets: Budgets,
): Promise<AlertReading[]> {
  const out: AlertReading[] = [];
  for (const rule of rules) out.push(...(await evaluateOne(store, rule, now, budgets)));
  return out;
}

async function evaluateOne(
  store: Store,
  rule: AlertRule,
  now: Date,
  budgets: Budgets,
): Promise<AlertReading[]> {
  const db = store.db;
  const reading = (
    firing: boolean,
    value: number | null,
    threshold: number,
    message: string,
    id = rule.id,
  ) => ({
    id,
    type: rule.type,
    firing,
    value,
    threshold,
    message,
  });
  switch (rule.type) {
    case "agent_p95_latency": {
      const runs = await agentDurations(db, minutesAgo(now, rule.window_minutes));
      const agents = rule.agent ? [rule.agent] : AGENT_IDS;
      return agents.map((agent) => {
        const ms = runs.filter((r) => r.agent === agent).map((r) => r.ms);
        const id = rule.agent ? rule.id : `${rule.id}:${agent}`;
        if (ms.length < rule.min_samples)
          return reading(
            false,
            null,
            rule.max_ms,
            `${agent}: ${ms.length} runs in the window, too few to judge`,
            id,
          );
        const p95 = percentile(ms, 95);
        return reading(
          p95 > rule.max_ms,
          p95,
          rule.max_ms,
          `${agent} p95 run time ${p95} ms over ${rule.window_minutes} min (limit ${rule.max_ms} ms, ${ms.length} runs)`,
          id,
        );
      });
    }
    case "error_rate": {
      const { finished, failed } = await finishedRuns(db, minutesAgo(now, rule.window_minutes));
      if (finished < rule.min_runs)
        return [
          reading(false, null, rule.max_rate, `${finished} runs finished in the window, too few to judge`),
        ];
      const rate = failed / finished;
      return [
        reading(
          rate > rule.max_rate,
          rate,
          rule.max_rate,
          `${failed} of ${finished} runs failed in ${rule.window_minutes} min (${(rate * 100).toFixed(1)}%, limit ${(rule.max_rate * 100).toFixed(1)}%)`,
        ),
      ];
    }
    case "dead_letters_growing": {
      const { open, recent } = await deadLetterGrowth(db, minutesAgo(now, rule.window_minutes));
      const tooMany = open > rule.max_open;
      const growing = rule.max_new !== undefined && recent > rule.max_new;
      return [
        reading(
          tooMany || growing,
          open,
          rule.max_open,
          `${open} dead letters open (limit ${rule.max_open}), ${recent} new in ${rule.window_minutes} min${rule.max_new !== undefined ? ` (limit ${rule.max_new})` : ""}`,
        ),
      ];
    }
    case "approvals_waiting": {
      const { count, oldest } = await pendingApprovals(db);
      const hours = oldest ? (now.getTime() - Date.parse(oldest)) / 3_600_000 : 0;
      return [
        reading(
          hours > rule.max_hours,
          Number(hours.toFixed(2)),
          rule.max_hours,
          `${count} approvals pending; the oldest has waited ${hours.toFixed(1)} h (limit ${rule.max_hours} h)`,
        ),
      ];
    }
    case "play_missed_slot": {
      const play = findPlay(rule.play)!;
      const due = minutesAgo(now, rule.grace_minutes);
      const slot = new Cron(play.cron, { timezone: "UTC" }).previousRuns(1, due)[0];
      if (!slot) return [reading(false, null, rule.grace_minutes, `${rule.play} has no slot before now`)];
      const ran = await runOnThread(db, `play:${rule.play}:${slot.toISOString()}`);
      return [
        reading(
          !ran,
          ran ? 0 : 1,
          rule.grace_minutes,
          ran
            ? `${rule.play} ran for its ${slot.toISOString()} slot`
            : `${rule.play} has no run for its ${slot.toISOString()} slot (${rule.grace_minutes} min grace)`,
        ),
      ];
    }
    case "budget_nearly_spent": {
      const limit = budgets.all.day;
      if (!limit) return [reading(false, null, rule.at_ratio, "no day budget is set")];
      const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const spent = await llmSpend(db, { since: day });
      const ratios = [limit.tokens ? spent.tokens / limit.tokens : 0, limit.usd ? spent.usd / limit.usd : 0];
      const ratio = Math.max(...ratios);
      return [
        reading(
          ratio >= rule.at_ratio,
          Number(ratio.toFixed(4)),
          rule.at_ratio,
          `today's LLM spend is ${(ratio * 100).toFixed(1)}% of the day budget (alert at ${(rule.at_ratio * 100).toFixed(0)}%)`,
        ),
      ];
    }
  }
}
