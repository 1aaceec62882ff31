// Small helpers the benches share: percentiles, a seeded random source, and number formatting.

/** The p-th percentile (nearest rank) of already sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** p50 and p99 of a list of latencies (ms), and events per second over a total time. */
export function latencyStats(latencies: readonly number[], totalMs?: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    eventsPerSecond: totalMs === undefined ? Number.NaN : (sorted.length / totalMs) * 1000,
  };
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** A seeded generator (mulberry32), so a bench draws the same sample every run. */
export { seededRandom as seeded } from "../domain/random.ts";

/** A number with a fixed count of decimals, right-aligned in `width`. */
export function fixed(n: number, digits: number, width = 8): string {
  return n.toFixed(digits).padStart(width);
}
