/**
 * Splits `amount` whole units in proportion to integer `weights` (not all 0): each part gets the floor of its
 * exact share, and the units left over go one each to the largest remainders, ties to the earlier part, so the
 * parts sum to `amount` exactly. BigInt keeps `amount × weight` exact however large.
 */
export function largestRemainder(amount: number, weights: readonly bigint[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total <= 0n) throw new RangeError("largestRemainder needs at least one positive weight.");
  const whole = BigInt(amount);
  const parts = weights.map((w, index) => ({
    index,
    base: (whole * w) / total,
    remainder: (whole * w) % total,
  }));
  let left = whole - parts.reduce((a, p) => a + p.base, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of order) {
    if (left === 0n) break;
    p.base += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.base));
}
