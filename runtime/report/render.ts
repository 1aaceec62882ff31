import type { Metric } from "../../domain/metrics/index.ts";
import { spreadsheetSafe } from "../../domain/text-safety.ts";
import type { Report } from "./build.ts";

/** The growth report as text tables for a terminal; undefined numbers show "n/a" and why. */
export function renderReport(report: Report): string {
  const money = moneyFormat(report.currencies);
  const show = (m: Metric<number>, format: (n: number) => string) =>
    m.value === null ? `n/a (${m.reason})` : format(m.value);
  const a = report.attribution;
  const lines: string[] = [
    `Growth report · ${describe(report.window)} · attribution: ${a.model}`,
    ...(report.currencies.length > 1
      ? [`warning: opportunities use ${report.currencies.join(", ")}; amounts are summed as they are`]
      : []),
    ...(report.skippedOpportunities > 0
      ? [`warning: ${report.skippedOpportunities} opportunities have an unknown stage and are left out`]
      : []),
    "",
    "Pipeline (open deals now)",
    ...table([
      ["Open opportunities", String(report.pipeline.openCount)],
      ["Open value", money(report.pipeline.openValueCents)],
      ["Weighted value", money(report.pipeline.weightedValueCents)],
    ]),
    "",
    "Results (deals closed in the window)",
    ...table([
      ["Won / lost", `${report.closed.won} / ${report.closed.lost}`],
      ["Win rate", show(report.winRate, percent)],
      ["Average won deal", show(report.avgWonDealCents, money)],
      ["Sales cycle", show(report.salesCycleDays, (d) => `${d.toFixed(1)} days`)],
      ["Velocity", show(report.velocityPerDayCents, (c) => `${money(c)} per day`)],
    ]),
    "",
    "Funnel (opportunities created in the window, by current stage)",
    ...table([
      ["stage", "count", "value"],
      ...report.funnel.map((r) => [r.stage, String(r.count), money(r.valueCents)]),
    ]),
    "",
    "Stage conversion (of those entering a stage in the window, how many reached the next)",
    ...table(
      report.conversion.map((c) => [
        `${c.from} → ${c.to}`,
        `${c.reached} of ${c.entered}`,
        c.rate.value === null ? "n/a" : percent(c.rate.value),
      ]),
    ),
    "",
    `Attribution (${a.model}) of deals won in the window: ${a.dealsCredited} credited, ${a.dealsWithoutTouches} without touches, ${money(a.totalCents)}`,
    ...breakdown("By campaign", a.byCampaign, a.totalCents, money),
    ...breakdown("By channel", a.byChannel, a.totalCents, money),
    ...breakdown("By agent", a.byAgent, a.totalCents, money),
  ];
  const lifecycle = Object.entries(report.lifecycle);
  if (lifecycle.length > 0) {
    lines.push(
      "",
      `Contacts by lifecycle stage: ${lifecycle.map(([stage, n]) => `${stage} ${n}`).join(" · ")}`,
    );
  }
  return lines.join("\n");
}

function breakdown(
  title: string,
  sums: Record<string, number>,
  total: number,
  money: (cents: number) => string,
): string[] {
  // Touches that earned nothing under this model (e.g. every non-first touch under "first") are left out.
  const rows = Object.entries(sums)
    .filter(([, cents]) => cents !== 0)
    .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1));
  if (rows.length === 0) return [`  ${title}: nothing to credit`];
  return [
    `  ${title}`,
    ...table(
      // Campaign and channel names come from imported CSV: shown so a pasted table never runs a formula.
      rows.map(([name, cents]) => [
        spreadsheetSafe(name),
        money(cents),
        total > 0 ? percent(cents / total) : "—",
      ]),
      "    ",
    ),
  ];
}

// Left-aligned first column, right-aligned numbers.
function table(rows: string[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("   "),
  );
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function moneyFormat(currencies: string[]): (cents: number) => string {
  const only = currencies.length === 1 ? currencies[0] : undefined;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(
      "en-US",
      only ? { style: "currency", currency: only } : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
    );
  } catch {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return (cents) => format.format(Math.round(cents) / 100);
}

function describe(window: Report["window"]): string {
  const day = (d: Date) =>
    d
      .toISOString()
      .replace(/T00:00:00\.000Z$|T23:59:59\.999Z$/, "")
      .replace(/\.000Z$/, "Z");
  if (window.from && window.to) return `${day(window.from)} to ${day(window.to)}`;
  if (window.from) return `since ${day(window.from)}`;
  if (window.to) return `up to ${day(window.to)}`;
  return "all data";
}
