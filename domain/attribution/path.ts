import type { AnchorRole } from "./models.ts";
import type { AttributionDeal, AttributionTouch } from "./types.ts";

const MS_PER_DAY = 86_400_000;

/** Where each anchor role sits in a path: an index into it, or -1 when no touch holds the role. */
export type Anchors = Readonly<Record<AnchorRole, number>>;

/** The deal's touches with `closed − lookback ≤ at ≤ closed`, in time order, ties by id. */
export function dealPath(
  deal: AttributionDeal,
  touches: readonly AttributionTouch[],
  lookbackDays: number,
): AttributionTouch[] {
  const to = deal.closedAt.getTime();
  const from = to - lookbackDays * MS_PER_DAY;
  // Written as positive comparisons so a touch with an invalid date (NaN) is left out.
  return touches
    .filter((t) => t.at.getTime() >= from && t.at.getTime() <= to)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The anchors of a non-empty path: first, last at or before lead and deal creation, and the closing touch. */
export function anchorsOf(path: readonly AttributionTouch[], deal: AttributionDeal): Anchors {
  return {
    first: 0,
    lead_creation: deal.leadCreatedAt === null ? -1 : lastAtOrBefore(path, deal.leadCreatedAt),
    deal_creation: lastAtOrBefore(path, deal.createdAt),
    closed_won: path.length - 1,
  };
}

/** Days from a touch to the close, fractional. */
export function daysBeforeClose(touch: AttributionTouch, deal: AttributionDeal): number {
  return (deal.closedAt.getTime() - touch.at.getTime()) / MS_PER_DAY;
}

function lastAtOrBefore(path: readonly AttributionTouch[], at: Date): number {
  let found = -1;
  for (let i = 0; i < path.length; i++) if (path[i]!.at.getTime() <= at.getTime()) found = i;
  return found;
}
