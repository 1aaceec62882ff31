/** How senior a title is; C-level and VP titles trigger the executive approval rule. */
export type Seniority = "c_level" | "vp" | "director" | "manager" | "ic";

/** Titles by seniority. */
export const TITLES: Readonly<Record<Seniority, readonly string[]>> = {
  c_level: ["CEO", "CFO", "CTO", "COO", "CMO", "CRO", "CIO"],
  vp: ["VP Sales", "VP Marketing", "VP Engineering", "VP Finance", "VP Operations", "VP Customer Success"],
  director: [
    "Director of Sales",
    "Director of Marketing",
    "Director of Engineering",
    "Director of IT",
    "Director of Procurement",
    "Director of Operations",
    "Head of Growth",
    "Head of Revenue Operations",
  ],
  manager: [
    "Sales Manager",
    "Marketing Manager",
    "Engineering Manager",
    "IT Manager",
    "Procurement Manager",
    "Product Manager",
    "Demand Generation Manager",
    "Revenue Operations Manager",
  ],
  ic: [
    "Account Executive",
    "Software Engineer",
    "Data Analyst",
    "Marketing Specialist",
    "Operations Analyst",
    "Business Analyst",
    "Sales Development Representative",
    "Solutions Engineer",
  ],
};

/** How often each seniority occurs among contacts. */
export const SENIORITY_WEIGHTS: ReadonlyArray<readonly [Seniority, number]> = [
  ["c_level", 9],
  ["vp", 14],
  ["director", 20],
  ["manager", 27],
  ["ic", 30],
];

/** Fit points a title's seniority adds to a lead's fit score. */
export const SENIORITY_FIT: Readonly<Record<Seniority, number>> = {
  c_level: 35,
  vp: 30,
  director: 25,
  manager: 15,
  ic: 5,
};

/** The six BD reps who own accounts and opportunities. */
export const REPS = [
  "Maya Chen",
  "Jordan Ellis",
  "Priya Raman",
  "Diego Alvarez",
  "Sam Okafor",
  "Hannah Weiss",
] as const;

/** Contact lifecycle stages, from first signal to advocate. */
export const LIFECYCLE_STAGES = [
  "subscriber",
  "lead",
  "mql",
  "sql",
  "opportunity",
  "customer",
  "evangelist",
] as const;
/** One contact lifecycle stage. */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Lead statuses, from a fresh lead to a converted or disqualified one. */
export const LEAD_STATUSES = [
  "new",
  "working",
  "mql",
  "sql",
  "qualified",
  "disqualified",
  "converted",
] as const;
/** One lead status. */
export type LeadStatus = (typeof LEAD_STATUSES)[number];
