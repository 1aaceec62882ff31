/** A number that may be undefined for the data at hand: then `value` is null and `reason` says why. */
export type Metric<T> = { value: T; reason?: undefined } | { value: null; reason: string };

/** A defined metric. */
export function metric<T>(value: T): Metric<T> {
  return { value };
}

/** An undefined metric, with the reason a reader sees. */
export function noMetric<T>(reason: string): Metric<T> {
  return { value: null, reason };
}
