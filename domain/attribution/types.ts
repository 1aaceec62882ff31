import type { AnchorRole } from "./models.ts";

/** One touch on a contact of the deal's account. */
export interface AttributionTouch {
  id: string;
  at: Date;
  campaign: string | null;
  channel: string;
  agent: string | null;
}

/** One won deal, as attribution reads it. */
export interface AttributionDeal {
  id: string;
  amountCents: number;
  createdAt: Date;
  closedAt: Date;
  /** earliest created_at among the account's contacts (lead-creation anchor), or null */
  leadCreatedAt: Date | null;
}

/** The cents one touch earns on one deal, and the model's anchor roles it holds (none: a middle touch). */
export interface TouchCredit {
  touchId: string;
  cents: number;
  roles: AnchorRole[];
}

/** Tunables of attribution: how far before close touches count, and the time-decay half-life. */
export interface AttributionOptions {
  lookbackDays?: number;
  halfLifeDays?: number;
}

/** Touches count from this many days before close, inclusive. */
export const DEFAULT_LOOKBACK_DAYS = 365;

/** Time-decay halves a touch's weight for every this many days before close. */
export const DEFAULT_TIME_DECAY_HALF_LIFE_DAYS = 7;
