import { z } from "zod";

const points = z
  .number()
  .min(-100)
  .max(100)
  .describe("Points the rule adds to the fit score when it matches");
const label = z.string().min(1).describe("How reasons name the rule, e.g. 'core industry'");
const values = z.array(z.string().min(1)).min(1);

/** One ICP rule, as data: the first matching rule of each type adds its points to the fit score. */
export const FitRule = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("industry"),
    anyOf: values.describe("Industry names, matched ignoring case"),
    points,
    label,
  }),
  z.object({
    type: z.literal("country"),
    anyOf: values.describe("Country codes or names, matched ignoring case"),
    points,
    label,
  }),
  z.object({
    type: z.literal("title"),
    keywords: values.describe("Words or phrases matched as whole words in the job title, ignoring case"),
    points,
    label,
  }),
  z
    .object({
      type: z.literal("employees"),
      min: z.number().int().min(0).optional().describe("Fewest employees, inclusive"),
      max: z.number().int().min(0).optional().describe("Most employees, inclusive"),
      points,
      label,
    })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      message: "An employee band needs min ≤ max; swap the two numbers.",
    }),
]);
export type FitRule = z.infer<typeof FitRule>;

/** An ordered list of ICP rules. */
export const FitRules = z.array(FitRule).describe("ICP rules; within a type, the first match counts");
export type FitRules = z.infer<typeof FitRules>;

/** What fit is judged on; unknown facts are null or missing and match no rule. */
export interface FitFacts {
  industry?: string | null | undefined;
  employees?: number | null | undefined;
  country?: string | null | undefined;
  title?: string | null | undefined;
}

const CORE_MARKETS = [
  ["US", "USA", "United States"],
  ["CA", "Canada"],
  ["GB", "UK", "United Kingdom"],
  ["IE", "Ireland"],
  ["DE", "Germany"],
  ["NL", "Netherlands"],
  ["SE", "Sweden"],
  ["DK", "Denmark"],
  ["NO", "Norway"],
  ["FI", "Finland"],
  ["AU", "Australia"],
  ["NZ", "New Zealand"],
].flat();

const SERVED_MARKETS = [
  ["FR", "France"],
  ["ES", "Spain"],
  ["IT", "Italy"],
  ["PT", "Portugal"],
  ["CH", "Switzerland"],
  ["AT", "Austria"],
  ["BE", "Belgium"],
  ["SG", "Singapore"],
  ["JP", "Japan"],
].flat();

/** The default ICP for a B2B software seller: industry 30, size 30, market 15, seniority 25 (100 at most). */
export const DEFAULT_FIT_RULES: FitRules = [
  {
    type: "industry",
    label: "core industry",
    points: 30,
    anyOf: [
      "SaaS",
      "Software",
      "Fintech",
      "Cybersecurity",
      "Information Technology",
      "Internet",
      "Technology",
    ],
  },
  {
    type: "industry",
    label: "adjacent industry",
    points: 15,
    anyOf: [
      "Healthcare",
      "Logistics",
      "Manufacturing",
      "Professional Services",
      "Financial Services",
      "Insurance",
      "Telecommunications",
    ],
  },
  { type: "industry", label: "other industry", points: 8, anyOf: ["Retail", "Media", "Education", "Energy"] },
  { type: "employees", label: "201–5,000 employees", points: 30, min: 201, max: 5_000 },
  { type: "employees", label: "51–200 employees", points: 20, min: 51, max: 200 },
  { type: "employees", label: "over 5,000 employees", points: 20, min: 5_001 },
  { type: "employees", label: "11–50 employees", points: 8, min: 11, max: 50 },
  { type: "country", label: "core market", points: 15, anyOf: CORE_MARKETS },
  { type: "country", label: "served market", points: 8, anyOf: SERVED_MARKETS },
  // Vice presidents come before executives so that "Vice President" does not match "president".
  {
    type: "title",
    label: "VP or head of",
    points: 20,
    keywords: ["vp", "svp", "evp", "vice president", "head of"],
  },
  {
    type: "title",
    label: "executive",
    points: 25,
    keywords: ["ceo", "cfo", "cto", "coo", "cmo", "cro", "cio", "ciso", "chief", "founder", "president"],
  },
  { type: "title", label: "director", points: 15, keywords: ["director"] },
  { type: "title", label: "manager", points: 8, keywords: ["manager", "team lead"] },
];
