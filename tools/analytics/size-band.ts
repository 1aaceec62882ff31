/** Company size bands by employee count, smallest first; segments and copy use the same labels. */
export const SIZE_BANDS = [
  { label: "1-10", min: 1, max: 10 },
  { label: "11-50", min: 11, max: 50 },
  { label: "51-200", min: 51, max: 200 },
  { label: "201-1000", min: 201, max: 1000 },
  { label: "1001-5000", min: 1001, max: 5000 },
  { label: "5001+", min: 5001, max: Number.POSITIVE_INFINITY },
] as const;

/** One size band label. */
export type SizeBandLabel = (typeof SIZE_BANDS)[number]["label"];

/** The labels, for a zod enum a model can pick from. */
export const SIZE_BAND_LABELS = SIZE_BANDS.map((b) => b.label) as [SizeBandLabel, ...SizeBandLabel[]];

/** The band an employee count falls in, or "unknown" when the count is missing. */
export function sizeBandOf(employees: number | null): SizeBandLabel | "unknown" {
  if (employees === null || employees < 1) return "unknown";
  return SIZE_BANDS.find((b) => employees >= b.min && employees <= b.max)?.label ?? "unknown";
}

/** The employee range of a band, for a store filter. */
export function sizeBandRange(label: SizeBandLabel): { min: number; max: number | null } {
  const band = SIZE_BANDS.find((b) => b.label === label)!;
  return { min: band.min, max: Number.isFinite(band.max) ? band.max : null };
}
