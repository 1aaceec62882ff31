import { OPEN_STAGES, STAGES } from "../../domain/pipeline/stages.ts";
import type { RequestVocabulary } from "../../store/queries/request-vocabulary.ts";
import { SIZE_BAND_LABELS, type SizeBandLabel } from "../../tools/analytics/size-band.ts";
import { dayText } from "./window.ts";

/** The kinds of filter a request can name. */
export type FilterKind =
  | "country"
  | "region"
  | "industry"
  | "size_band"
  | "stage"
  | "owner"
  | "date_range"
  | "channel";

/** One filter as the request named it, for saying plainly which were applied and which were not. */
export interface NamedFilter {
  kind: FilterKind;
  /** The words of the request, e.g. "Germany", "DACH", "fintech", "last 30 days". */
  said: string;
}

/** Every filter a request names, resolved against the store's known values. */
export interface RequestFilters {
  /** Country codes: those named, plus the known countries of any region named. */
  countries: string[];
  industries: string[];
  sizeBands: SizeBandLabel[];
  stages: string[];
  owners: string[];
  dateRange: { from: Date; to: Date; label: string } | null;
  channels: string[];
  named: NamedFilter[];
}

const EUROPE = [
  "DE",
  "FR",
  "GB",
  "IE",
  "NL",
  "BE",
  "LU",
  "ES",
  "PT",
  "IT",
  "AT",
  "CH",
  "SE",
  "NO",
  "DK",
  "FI",
  "IS",
  "PL",
  "CZ",
] as const;

/** Regions people name, as ISO country codes; a region applies as the known countries inside it. */
const REGIONS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\bdach\b/i, ["DE", "AT", "CH"]],
  [/\bnordics?\b|\bscandinavia\b/i, ["SE", "NO", "DK", "FI", "IS"]],
  [/\bbenelux\b/i, ["BE", "NL", "LU"]],
  [/\buk\s*(?:&|and)\s*ireland\b/i, ["GB", "IE"]],
  [/\banz\b/i, ["AU", "NZ"]],
  [/\beurope(?:an)?\b|\beu\b/i, EUROPE],
  [/\bemea\b/i, [...EUROPE, "AE", "SA", "IL", "ZA", "NG", "KE", "EG"]],
  [/\bnorth america\b|\bnamer\b/i, ["US", "CA"]],
  [/\blatam\b|\blatin america\b|\bsouth america\b/i, ["MX", "BR", "AR", "CL", "CO", "PE"]],
  [
    /\bapac\b|\basia[- ]pacific\b|\basia\b/i,
    ["AU", "NZ", "JP", "SG", "IN", "CN", "KR", "HK", "ID", "MY", "TH", "PH", "VN"],
  ],
];

/** Other names people use for a country, beside its English name. */
const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ["USA", "U.S.", "U.S.A.", "US", "the States"],
  GB: ["UK", "U.K.", "Britain", "Great Britain", "England"],
  NL: ["Holland", "the Netherlands"],
  AE: ["UAE"],
};

/** Words for size bands beside their labels. */
const SIZE_WORDS: ReadonlyArray<readonly [RegExp, readonly SizeBandLabel[]]> = [
  [/\b(?:smb|small business(?:es)?|startups?)\b/i, ["1-10", "11-50", "51-200"]],
  [/\bmid[- ]?market\b/i, ["201-1000"]],
  [/\benterprises?\b/i, ["1001-5000", "5001+"]],
];

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** Codes with a name that are not countries (unions, pseudo-regions). */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

let countryCodes: string[] | null = null;
/** Every ISO 3166-1 alpha-2 code the runtime has an English name for (computed once). */
function allCountryCodes(): string[] {
  if (countryCodes) return countryCodes;
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const codes: string[] = [];
  for (const a of letters)
    for (const b of letters) {
      const name = regionNames.of(`${a}${b}`);
      if (name && name !== `${a}${b}` && !NOT_COUNTRIES.has(`${a}${b}`)) codes.push(`${a}${b}`);
    }
  countryCodes = codes;
  return codes;
}
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A whole-word (or whole-phrase) test, ignoring case; a trailing "s" is allowed ("fintechs"). */
const phrase = (words: string, flags = "i") => new RegExp(`(?<![\\w-])${escapeRe(words)}s?(?![\\w-])`, flags);

/**
 * Reads every filter a request names: countries and regions and industries from the store's known values,
 * size bands, stages, owners, a date range and channels. Only what the text names; nothing is guessed.
 */
export function parseFilters(
  text: string,
  vocabulary: RequestVocabulary | undefined,
  now: Date,
): RequestFilters {
  const known = vocabulary ?? { industries: [], countries: [], owners: [] };
  const named: NamedFilter[] = [];
  const countries = new Set<string>();

  // Every country name is recognised, so one the store does not hold is named (and matches nothing), not dropped.
  for (const code of new Set([...known.countries, ...allCountryCodes()])) {
    const names = [regionNames.of(code) ?? "", ...(COUNTRY_ALIASES[code] ?? [])].filter((n) => n.length > 1);
    // Short aliases such as "US" or "UK" count only in capitals, so "us" (the pronoun) is not a country.
    const hit = names.find((n) => (n.length <= 3 ? phrase(n, "") : phrase(n)).test(text));
    if (hit) {
      if (known.countries.includes(code)) countries.add(code);
      const said = regionNames.of(code) ?? hit;
      if (!named.some((n) => n.kind === "country" && n.said === said)) named.push({ kind: "country", said });
    }
  }
  for (const [re, codes] of REGIONS) {
    const m = re.exec(text);
    if (!m) continue;
    named.push({ kind: "region", said: m[0] });
    for (const code of codes) if (known.countries.includes(code)) countries.add(code);
  }

  const industries = known.industries.filter((i) => phrase(i).test(text));
  for (const i of industries) named.push({ kind: "industry", said: i });

  const sizeBands = new Set<SizeBandLabel>();
  for (const label of SIZE_BAND_LABELS) {
    if (new RegExp(`(?<![\\d-])${escapeRe(label)}(?![\\d-])`).test(text)) sizeBands.add(label);
  }
  for (const [re, bands] of SIZE_WORDS) {
    const m = re.exec(text);
    if (m) for (const b of bands) sizeBands.add(b);
  }
  if (sizeBands.size > 0) named.push({ kind: "size_band", said: [...sizeBands].join(", ") });

  const stages = STAGES.filter((stage) => {
    const words = escapeRe(stage).replace("_", "[ _-]");
    return new RegExp(
      `\\b(?:in|at)\\s+(?:the\\s+)?${words}\\b|\\b${words}[ -](?:stage|deals?|opps?|opportunit(?:y|ies))\\b`,
      "i",
    ).test(text);
  });
  if (/\bopen (?:deals|opportunities|pipeline)\b/i.test(text) && stages.length === 0)
    stages.push(...OPEN_STAGES);
  if (stages.length > 0) named.push({ kind: "stage", said: stages.join(", ") });

  const owners = known.owners.filter((owner) => {
    if (phrase(owner).test(text)) return true;
    const first = owner.split(/\s+/)[0]!;
    const unique = known.owners.filter((o) => o.split(/\s+/)[0] === first).length === 1;
    return (
      unique &&
      new RegExp(`\\b${escapeRe(first)}(?:'s|’s)\\s+(?:deals?|accounts?|pipeline|book)\\b`, "i").test(text)
    );
  });
  for (const o of owners) named.push({ kind: "owner", said: o });

  const dateRange = parseDateRange(text, now);
  if (dateRange) named.push({ kind: "date_range", said: dateRange.label });

  const channels = CHANNELS.filter(([, words]) =>
    new RegExp(
      `\\b(?:on|via|through|over|by)\\s+(?:${words})\\b|\\b(?:${words})[ -](?:campaigns?|channel|touches|leads|signups|sends|ads|traffic)\\b`,
      "i",
    ).test(text),
  ).map(([c]) => c);
  for (const c of channels) named.push({ kind: "channel", said: c });

  return {
    countries: [...countries].sort(),
    industries,
    sizeBands: [...sizeBands],
    stages,
    owners,
    dateRange,
    channels,
    named,
  };
}

/** Channels and the words that name them, as a filter ("on LinkedIn", "webinar leads"). */
const CHANNELS: ReadonlyArray<readonly [string, string]> = [
  ["email", "e-?mail"],
  ["webinar", "webinars?"],
  ["linkedin", "linked ?in"],
  ["paid_search", "paid search|ppc|search ads"],
  ["paid_social", "paid social|social ads"],
  ["events", "events?|conferences?"],
  ["content", "content|ebooks?|whitepapers?"],
];

const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, quarter: 91, year: 365 };

/**
 * A date range the text names as a filter ("in the last 30 days", "over the past 2 weeks", "since
 * 2026-10-01", "created last month"); timing words alone ("chase this week") are not a filter.
 */
export function parseDateRange(text: string, now: Date): RequestFilters["dateRange"] {
  const DAY = 86_400_000;
  const span =
    /\b(?:in|over|during|for|from|within)\s+the\s+(?:last|past|previous)\s+(\d+)?\s*(day|week|month|quarter|year)s?\b/i.exec(
      text,
    ) ?? /\b(?:last|past)\s+(\d+)\s*(day|week|month|quarter|year)s?\b/i.exec(text);
  if (span) {
    const n = span[1] ? Number(span[1]) : 1;
    const days = n * UNIT_DAYS[span[2]!.toLowerCase()]!;
    return {
      from: new Date(now.getTime() - days * DAY),
      to: now,
      label: `last ${days} days to ${dayText(now)}`,
    };
  }
  const since = /\bsince\s+(\d{4}-\d{2}-\d{2})\b/i.exec(text);
  if (since) {
    const from = new Date(`${since[1]}T00:00:00.000Z`);
    if (Number.isFinite(from.getTime()))
      return { from, to: now, label: `${dayText(from, now)} to ${dayText(now)}` };
  }
  return null;
}

/** The filters of `kinds` the request named, e.g. "country Germany, industry Fintech". */
export function describeFilters(filters: RequestFilters, kinds?: readonly FilterKind[]): string {
  return filters.named
    .filter((f) => !kinds || kinds.includes(f.kind))
    .map((f) => `${f.kind.replace("_", " ")} ${f.said}`)
    .join(", ");
}

/** A plain sentence naming the filters a request named that an agent did not apply, or null when none. */
export function unappliedNote(filters: RequestFilters, applied: readonly FilterKind[]): string | null {
  const left = filters.named.filter((f) => !applied.includes(f.kind));
  if (left.length === 0) return null;
  return `Could not apply ${left.map((f) => `${f.kind.replace("_", " ")} ${f.said}`).join(", ")}: this answer does not filter by ${left.length === 1 ? "it" : "them"}.`;
}
