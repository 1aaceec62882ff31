/** The kinds of partner the negotiator offers terms to. */
export const PARTNER_TYPES = ["referral", "reseller", "technology"] as const;

/** One partner type. */
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** A band of revenue share or discount, percent: never below min, never above max. */
export interface DiscountBand {
  readonly minPct: number;
  readonly maxPct: number;
  readonly defaultPct: number;
  /** What the percentage is of, in the terms' words. */
  readonly basis: string;
  readonly termMonths: number;
}

/** The bands by partner type: referral fee, reseller margin, technology co-sell share. */
export const DISCOUNT_BANDS: Readonly<Record<PartnerType, DiscountBand>> = {
  referral: {
    minPct: 5,
    maxPct: 15,
    defaultPct: 10,
    basis: "referral fee on first-year contract value of referred deals",
    termMonths: 12,
  },
  reseller: {
    minPct: 10,
    maxPct: 30,
    defaultPct: 20,
    basis: "reseller margin off list price",
    termMonths: 24,
  },
  technology: {
    minPct: 2,
    maxPct: 10,
    defaultPct: 5,
    basis: "co-sell revenue share on joint deals",
    termMonths: 12,
  },
};

/** The partner type a text names, or null. */
export function partnerTypeOf(text: string | undefined): PartnerType | null {
  const t = text?.toLowerCase() ?? "";
  if (/\bresell|\bvar\b|\bdistribut/.test(t)) return "reseller";
  if (/\btechnolog|\bintegrat|\bisv\b|\bco-?sell/.test(t)) return "technology";
  if (/\breferr|\baffiliate|\bintroduc/.test(t)) return "referral";
  return null;
}

/** Where inside the band an unprompted offer starts: the top for a strong ICP fit, the bottom for a weak one. */
export function startingPct(band: DiscountBand, fit: number | null): number {
  if (fit === null) return band.defaultPct;
  if (fit >= 70) return band.maxPct;
  if (fit < 40) return band.minPct;
  return band.defaultPct;
}

/** Keeps a percentage inside the band, saying whether it had to move. */
export function clampToBand(pct: number, band: DiscountBand): { pct: number; clamped: boolean } {
  const inside = Math.min(band.maxPct, Math.max(band.minPct, pct));
  return { pct: inside, clamped: inside !== pct };
}
