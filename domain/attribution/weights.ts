import {
  ANCHOR_ROLES,
  type AnchorRole,
  type AttributionModel,
  POSITION_SHARES,
  type PositionShares,
} from "./models.ts";
import { type Anchors, daysBeforeClose } from "./path.ts";
import type { AttributionDeal, AttributionTouch } from "./types.ts";

/** Integer weights over a path (credit is amount × weight / Σ weights) and the model's anchor roles per touch. */
export interface PathWeights {
  weights: bigint[];
  roles: AnchorRole[][];
}

/** Time-decay weights are scaled to integers so the latest touch weighs 2^53 and rounding stays exact. */
const DECAY_SCALE = 2 ** 53;

/** Weighs each touch of a non-empty path under `model`. */
export function pathWeights(
  path: readonly AttributionTouch[],
  anchors: Anchors,
  deal: AttributionDeal,
  model: AttributionModel,
  halfLifeDays: number,
): PathWeights {
  const noRoles = () => path.map((): AnchorRole[] => []);
  if (model === "linear") return { weights: path.map(() => 1n), roles: noRoles() };
  if (model === "time-decay") {
    // Measured from the latest touch: the same ratios as 2^(−days before close / half-life), without underflow.
    const nearest = daysBeforeClose(path[path.length - 1]!, deal);
    const weights = path.map((t) =>
      BigInt(Math.round(2 ** (-(daysBeforeClose(t, deal) - nearest) / halfLifeDays) * DECAY_SCALE)),
    );
    return { weights, roles: noRoles() };
  }
  return positionWeights(path, anchors, POSITION_SHARES[model]);
}

function positionWeights(
  path: readonly AttributionTouch[],
  anchors: Anchors,
  shares: PositionShares,
): PathWeights {
  const anchorShare = path.map(() => 0);
  const roles = path.map((): AnchorRole[] => []);
  for (const role of ANCHOR_ROLES) {
    const share = shares.anchors[role];
    if (share === undefined) continue;
    const at = anchors[role];
    // A missing anchor's share goes to the first touch, which does not thereby hold the role.
    if (at === -1) anchorShare[0]! += share;
    else {
      anchorShare[at]! += share;
      roles[at]!.push(role);
    }
  }
  const middle = roles.filter((r) => r.length === 0).length;
  // With no middle touch, weighing anchors by their shares alone hands them the middle share pro rata.
  if (middle === 0) return { weights: anchorShare.map(BigInt), roles };
  // In units of 1/(1000 × middle): each middle touch gets middle/middle-count, each anchor its share.
  const weights = roles.map((r, i) => BigInt(r.length === 0 ? shares.middle : anchorShare[i]! * middle));
  return { weights, roles };
}
