import { cost, delta, pct, type ReportInput } from "./meta.ts";

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The console tables: one row per suite (with its delta against the baseline) and one per agent. */
export function consoleTables(input: ReportInput): string {
  const { results, comparison } = input;
  const suites = table(
    ["suite", "cases", "passed", "score", "Δ baseline", "tokens", "cost"],
    [...results.suites, ...results.splits].map((s) => [
      s.name,
      String(s.cases),
      String(s.passed),
      pct(s.score),
      delta(comparison?.deltas[s.name]),
      String(s.tokens),
      cost(s.costUsd, results.model),
    ]),
  );
  const agents = table(
    ["agent", "cases", "passed", "score"],
    results.agents.map((a) => [a.name, String(a.cases), String(a.passed), pct(a.score)]),
  );
  return `${suites}\n\n${agents}`;
}
