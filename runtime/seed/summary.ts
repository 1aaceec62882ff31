import type { SeedReport } from "./seed-store.ts";

const number = new Intl.NumberFormat("en-US");

/** The one-paragraph summary `growth seed` prints: counts per table, seed, anchor and time taken. */
export function formatSeedSummary(report: SeedReport, file: string): string {
  const c = report.counts;
  const n = (value: number) => number.format(value);
  return (
    `Seeded ${file} with seed ${report.seed} (anchor ${report.anchor}, about 18 months of history): ` +
    `${n(c.accounts)} accounts, ${n(c.contacts)} contacts, ${n(c.leads)} leads, ` +
    `${n(c.opportunities)} opportunities with ${n(c.opportunity_stage_history)} stage changes, ` +
    `${n(c.campaigns)} campaigns, ${n(c.touches)} touches, ${n(c.suppressions)} suppressions and ` +
    `${n(c.sequences)} BD sequences, in ${(report.elapsedMs / 1000).toFixed(1)} s. ` +
    `The same seed always gives the same data; run \`growth report\` to see the pipeline.`
  );
}
