/** Every attribution model, by the name tools, reports and the CLI use. */
export const ATTRIBUTION_MODELS = ["first", "last", "linear", "u", "w", "full-path", "time-decay"] as const;

/** One attribution model. */
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** A role a touch can hold on a deal's path; a touch may hold several. */
export type AnchorRole = "first" | "lead_creation" | "deal_creation" | "closed_won";

/** The anchor roles in the order they are listed on a credit. */
export const ANCHOR_ROLES: readonly AnchorRole[] = ["first", "lead_creation", "deal_creation", "closed_won"];

/** How a position-based model divides a deal, in thousandths: each anchor role's share and the middle's. */
export interface PositionShares {
  readonly anchors: Readonly<Partial<Record<AnchorRole, number>>>;
  readonly middle: number;
}

/** The models that credit positions on the path; linear and time-decay weigh every touch instead. */
export type PositionModel = Exclude<AttributionModel, "linear" | "time-decay">;

/** The position-based models' shares in thousandths (22.5% is 225). */
export const POSITION_SHARES: Readonly<Record<PositionModel, PositionShares>> = {
  first: { anchors: { first: 1000 }, middle: 0 },
  last: { anchors: { closed_won: 1000 }, middle: 0 },
  u: { anchors: { first: 400, lead_creation: 400 }, middle: 200 },
  w: { anchors: { first: 300, lead_creation: 300, deal_creation: 300 }, middle: 100 },
  "full-path": {
    anchors: { first: 225, lead_creation: 225, deal_creation: 225, closed_won: 225 },
    middle: 100,
  },
};

const ALIASES: Readonly<Record<string, AttributionModel>> = {
  "first-touch": "first",
  "last-touch": "last",
  "u-shaped": "u",
  "w-shaped": "w",
  fullpath: "full-path",
  "full-path": "full-path",
  "time-decay": "time-decay",
  timedecay: "time-decay",
};

/** Reads a model name case-insensitively, with `_` or `-` and common aliases ("w_shaped", "fullpath"); null if unknown. */
export function parseAttributionModel(text: string): AttributionModel | null {
  const name = text.trim().toLowerCase().replaceAll("_", "-");
  if ((ATTRIBUTION_MODELS as readonly string[]).includes(name)) return name as AttributionModel;
  return Object.hasOwn(ALIASES, name) ? ALIASES[name]! : null;
}
