/** One channel's weight (attributed revenue in cents) for a budget split. */
export interface BudgetWeight {
  key: string;
  weight: number;
}

/**
 * Splits `totalCents` across keys: each gets `floorCents` first, the rest goes in proportion to the weights
 * (equally when every weight is 0), with largest-remainder rounding so the parts sum to the total exactly.
 * Ties in the remainder go to the key listed first. Integers are handled as BigInt so large sums stay exact.
 * Throws a RangeError when the inputs cannot be split (no keys, negative numbers, floors above the total).
 */
export function splitBudget(
  totalCents: number,
  weights: readonly BudgetWeight[],
  floorCents: number,
): { key: string; cents: number }[] {
  if (weights.length === 0) throw new RangeError("There is no channel to split the budget across.");
  for (const n of [totalCents, floorCents, ...weights.map((w) => w.weight)]) {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`Budget amounts must be whole cents ≥ 0; got ${n}.`);
  }
  if (floorCents * weights.length > totalCents) {
    throw new RangeError(
      `A floor of ${floorCents} cents for ${weights.length} channels exceeds the total of ${totalCents} cents.`,
    );
  }
  const rest = BigInt(totalCents - floorCents * weights.length);
  const allZero = weights.every((w) => w.weight === 0);
  const w = weights.map((x) => BigInt(allZero ? 1 : x.weight));
  const sum = w.reduce((a, b) => a + b, 0n);
  const parts = w.map((wi, index) => ({ index, base: (rest * wi) / sum, remainder: (rest * wi) % sum }));
  let left = rest - parts.reduce((a, p) => a + p.base, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of order) {
    if (left === 0n) break;
    p.base += 1n;
    left -= 1n;
  }
  return weights.map((x, i) => ({ key: x.key, cents: floorCents + Number(parts[i]!.base) }));
}
