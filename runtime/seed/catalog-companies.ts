/** An industry we sell into: its display name, words for company names, and how well it fits the ICP. */
export interface Industry {
  readonly name: string;
  readonly suffixes: readonly string[];
  /** Points the industry adds to a lead's fit score (0..25). */
  readonly fit: number;
  readonly weight: number;
}

/** The industries of the demo accounts, weighted towards the ICP (software and fintech). */
export const INDUSTRIES: readonly Industry[] = [
  { name: "SaaS", suffixes: ["Software", "Labs", "Cloud", "Systems", "AI"], fit: 25, weight: 18 },
  { name: "Fintech", suffixes: ["Pay", "Capital", "Finance", "Ledger"], fit: 22, weight: 12 },
  { name: "Cybersecurity", suffixes: ["Security", "Defense", "Shield"], fit: 20, weight: 6 },
  { name: "Healthcare", suffixes: ["Health", "Medical", "Care", "Bio"], fit: 15, weight: 10 },
  {
    name: "Manufacturing",
    suffixes: ["Manufacturing", "Industries", "Components", "Robotics"],
    fit: 12,
    weight: 10,
  },
  { name: "Retail", suffixes: ["Retail", "Goods", "Brands", "Market"], fit: 10, weight: 9 },
  { name: "Logistics", suffixes: ["Logistics", "Freight", "Shipping", "Supply"], fit: 14, weight: 9 },
  { name: "Education", suffixes: ["Learning", "Academy", "Education"], fit: 8, weight: 7 },
  { name: "Media", suffixes: ["Media", "Studios", "Publishing"], fit: 10, weight: 7 },
  {
    name: "Professional Services",
    suffixes: ["Partners", "Consulting", "Advisory", "Group"],
    fit: 12,
    weight: 7,
  },
  { name: "Energy", suffixes: ["Energy", "Power", "Renewables"], fit: 9, weight: 5 },
];

/** A company size band: employee range, how many contacts we know there, and its fit points. */
export interface SizeBand {
  readonly label: string;
  readonly employees: readonly [number, number];
  readonly contacts: readonly [number, number];
  /** Deal size range in whole dollars for this band. */
  readonly dealDollars: readonly [number, number];
  readonly fit: number;
  readonly weight: number;
}

/** Size bands from small business to enterprise. */
export const SIZE_BANDS: readonly SizeBand[] = [
  { label: "11-50", employees: [11, 50], contacts: [3, 5], dealDollars: [5_000, 30_000], fit: 5, weight: 20 },
  {
    label: "51-200",
    employees: [51, 200],
    contacts: [4, 7],
    dealDollars: [10_000, 60_000],
    fit: 15,
    weight: 30,
  },
  {
    label: "201-1000",
    employees: [201, 1000],
    contacts: [6, 9],
    dealDollars: [20_000, 120_000],
    fit: 25,
    weight: 27,
  },
  {
    label: "1001-5000",
    employees: [1001, 5000],
    contacts: [7, 11],
    dealDollars: [40_000, 200_000],
    fit: 30,
    weight: 15,
  },
  {
    label: "5001+",
    employees: [5001, 40_000],
    contacts: [9, 13],
    dealDollars: [60_000, 250_000],
    fit: 25,
    weight: 8,
  },
];

/** Account countries as ISO 3166-1 alpha-2 codes, weighted like a US-led B2B book. */
export const COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ["US", 40],
  ["GB", 12],
  ["DE", 9],
  ["CA", 7],
  ["FR", 6],
  ["NL", 5],
  ["AU", 5],
  ["IN", 4],
  ["SE", 3],
  ["IE", 3],
  ["SG", 3],
  ["ES", 3],
];

/** First halves of invented brand names ("North" + "wind"). */
export const BRAND_HEADS = (
  "North Blue Bright Iron Silver Clear True Summit Harbor Cedar Pine Atlas Nova Vertex Orbit Quantum Signal " +
  "Beacon Keystone Pioneer Crest Ridge Lumen Vector Meridian Granite Maple Falcon Copper Amber Polar Sky River Stone"
).split(" ");

/** Second halves of invented brand names. */
export const BRAND_TAILS = (
  "stack path point wave line bridge field gate works loop mint forge scale sight wind light peak grid flow " +
  "leaf port spring craft base"
).split(" ");

/** Top-level domains for company sites, most often .com. */
export const TLDS: ReadonlyArray<readonly [string, number]> = [
  [".com", 62],
  [".io", 16],
  [".co", 12],
  [".ai", 10],
];

/** Free-mail providers; contacts there have no account (docs/domain-rules.md: free-mail domains are not accounts). */
export const FREE_MAIL_DOMAINS = [
  "gmail.com",
  "outlook.com",
  "yahoo.com",
  "hotmail.com",
  "icloud.com",
  "proton.me",
];
