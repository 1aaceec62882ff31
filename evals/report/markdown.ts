import { hasRegression } from "../baseline.ts";
import { cost, delta, pct, type ReportInput } from "./meta.ts";

/** The markdown summary: verdict, suite scores with deltas, regressed cases, tokens and cost, failures, prompts. */
export function markdownSummary(input: ReportInput): string {
  const { results, comparison } = input;
  const regressed = comparison ? hasRegression(comparison) : false;
  const total = results.cases.length;
  const passed = results.cases.filter((c) => c.pass).length;
  const verdict = !comparison
    ? "No baseline to compare with — run `growth eval --bless` to create one."
    : regressed
      ? `**Regression** — ${comparison.regressed.length} case(s) that passed now fail${comparison.suiteDrops.length ? `, ${comparison.suiteDrops.length} suite(s) fell past their threshold` : ""}.`
      : comparison.exact
        ? "**Matches the baseline exactly.**"
        : "**No regression** (some scores changed; see below).";
  const lines = [
    `# Eval summary — ${input.startedAt}`,
    "",
    `Model: \`${results.model}\` · repeat ${results.repeat} · ${passed}/${total} cases passed · ${(input.durationMs / 1000).toFixed(1)} s`,
    "",
    verdict,
    "",
    "## Suites",
    "",
    "| suite | cases | passed | score | Δ vs baseline | tokens | cost |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...[...results.suites, ...results.splits].map(
      (s) =>
        `| ${s.name} | ${s.cases} | ${s.passed} | ${pct(s.score)} | ${delta(comparison?.deltas[s.name])} | ${s.tokens} | ${cost(s.costUsd, results.model)} |`,
    ),
    "",
    "## Agents",
    "",
    "| agent | cases | passed | score |",
    "|---|---:|---:|---:|",
    ...results.agents.map((a) => `| ${a.name} | ${a.cases} | ${a.passed} | ${pct(a.score)} |`),
    "",
  ];
  if (comparison) {
    lines.push("## Regressed cases", "");
    if (comparison.regressed.length === 0 && comparison.suiteDrops.length === 0) lines.push("None.", "");
    for (const r of comparison.regressed) {
      const c = results.cases.find((x) => x.key === r.key);
      const why = c?.checks
        .filter((k) => !k.pass && !k.skipped)
        .map((k) => `${k.scorer}: ${k.detail}`)
        .join("; ");
      lines.push(`- \`${r.key}\` ${pct(r.was)} → ${pct(r.now)} — ${why ?? ""}`);
    }
    for (const s of comparison.suiteDrops) {
      lines.push(
        `- suite **${s.suite}** ${pct(s.was)} → ${pct(s.now)} (threshold ${(s.threshold * 100).toFixed(1)} pp)`,
      );
    }
    if (comparison.regressed.length || comparison.suiteDrops.length) lines.push("");
    if (comparison.improved.length) {
      lines.push(
        "## Improved (bless to lock in)",
        "",
        ...comparison.improved.map((r) => `- \`${r.key}\` ${pct(r.was)} → ${pct(r.now)}`),
        "",
      );
    }
    if (comparison.added.length || comparison.removed.length) {
      lines.push(
        "## Dataset changes",
        "",
        ...comparison.added.map((k) => `- new: \`${k}\``),
        ...comparison.removed.map((k) => `- removed: \`${k}\``),
        "",
      );
    }
  }
  const failing = results.cases.filter((c) => !c.pass);
  lines.push("## Failing cases", "");
  if (failing.length === 0) lines.push("None.", "");
  for (const c of failing) {
    const why = c.checks
      .filter((k) => !k.pass && !k.skipped)
      .map((k) => `${k.scorer}: ${k.detail}`)
      .join("; ");
    lines.push(`- \`${c.key}\` (${pct(c.score)}) — ${c.description}. ${why}`);
  }
  lines.push(
    "",
    "## Prompts",
    "",
    Object.entries(input.prompts)
      .map(([id, hash]) => `\`${id}\` ${hash.slice(0, 12)}`)
      .join(" · ") || "none loaded",
    "",
  );
  return lines.join("\n");
}
