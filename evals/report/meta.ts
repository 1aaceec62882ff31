import type { Comparison } from "../baseline.ts";
import type { EvalResults } from "../runner.ts";

/** What a report shows besides the results: when, with which prompts, against which baseline. */
export interface ReportInput {
  results: EvalResults;
  comparison: Comparison | null;
  startedAt: string;
  durationMs: number;
  /** Prompt id → content hash, so a result says which prompt texts produced it. */
  prompts: Record<string, string>;
}

/** Formats a score as a percentage with one decimal. */
export function pct(score: number): string {
  return `${(score * 100).toFixed(1)}%`;
}

/** Formats a signed score delta in percentage points, or "—" when there is nothing to compare. */
export function delta(d: number | null | undefined): string {
  if (d === null || d === undefined) return "—";
  if (d === 0) return "±0.0 pp";
  return `${d > 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(1)} pp`;
}

/** Formats a cost in US dollars; playbook runs say so instead of $0. */
export function cost(usd: number, model: string): string {
  return model === "playbook" ? "$0 (playbook)" : `$${usd.toFixed(4)}`;
}
