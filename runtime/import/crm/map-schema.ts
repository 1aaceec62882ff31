import { readFileSync } from "node:fs";
import { z } from "zod";
import { UserError } from "../../../domain/errors.ts";
import { jsonDepth, MAX_JSON_DEPTH } from "../../../domain/json-depth.ts";
import { STAGES } from "../../../domain/pipeline/index.ts";
import { LIFECYCLE_STAGES } from "../../seed/catalog-people.ts";

const Names = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe("the export's header for this column, or several it may go by, in order of preference");

const Match = z
  .array(z.string().min(1))
  .min(1)
  .describe('words the export\'s file name contains (case ignored), e.g. ["contacts"]');

/** Where a target column comes from in one export file. */
const accountColumns = z.strictObject({
  domain: Names.optional(),
  name: Names,
  industry: Names.optional(),
  employees: Names.optional(),
  country: Names.optional(),
  owner: Names.optional(),
});

const contactColumns = z.strictObject({
  email: Names,
  first_name: Names.optional(),
  last_name: Names.optional(),
  title: Names.optional(),
  account_domain: Names.optional(),
  company: Names.optional().describe("the company's name, resolved to a domain"),
  lifecycle_stage: Names.optional(),
  do_not_contact: Names.optional(),
  unsubscribed: Names.optional(),
  created_at: Names,
});

const opportunityColumns = z.strictObject({
  id: Names,
  account_domain: Names.optional(),
  company: Names.optional().describe("the account's name, resolved to a domain"),
  name: Names,
  amount: Names,
  currency: Names.optional(),
  stage: Names,
  status: Names.optional().describe("won/lost/open, for CRMs that keep it apart from the stage"),
  owner: Names.optional(),
  created_at: Names,
  closed_at: Names.optional(),
  lost_reason: Names.optional(),
});

const touchColumns = z.strictObject({
  id: Names,
  contact_email: Names,
  channel: Names,
  campaign: Names.optional(),
  agent: Names.optional(),
  occurred_at: Names,
});

const Stage = z.enum(STAGES);
const Lifecycle = z.enum(LIFECYCLE_STAGES as unknown as [string, ...string[]]);

/** How one CRM's export files map onto the import's four files; `--map <file.json>` holds one of these. */
export const CrmMap = z.strictObject({
  name: z.string().min(1).describe("the CRM's name, used in messages"),
  dates: z
    .enum(["iso", "mdy", "dmy"])
    .default("iso")
    .describe("how dates are written: iso (2026-03-31), mdy (3/31/2026) or dmy (31/3/2026)"),
  files: z
    .strictObject({
      accounts: z.strictObject({ match: Match, columns: accountColumns }).optional(),
      contacts: z
        .strictObject({
          match: Match,
          columns: contactColumns,
          lifecycle: z.record(z.string(), Lifecycle).optional().describe("the CRM's lifecycle stage → ours"),
        })
        .optional(),
      opportunities: z
        .strictObject({
          match: Match,
          columns: opportunityColumns,
          stages: z.record(z.string(), Stage).optional().describe("the CRM's stage names → ours"),
          statuses: z
            .record(z.string(), z.enum(["open", "closed_won", "closed_lost"]))
            .optional()
            .describe("the CRM's deal status → open or a closed stage"),
        })
        .optional(),
      touches: z.strictObject({ match: Match, columns: touchColumns }).optional(),
    })
    .refine((f) => Object.values(f).some((v) => v !== undefined), {
      message: "name at least one of accounts, contacts, opportunities, touches",
    }),
});
/** A validated CRM map. */
export type CrmMap = z.infer<typeof CrmMap>;
/** A CRM map as written in a file or in code (defaults not yet applied). */
export type CrmMapInput = z.input<typeof CrmMap>;

/** Reads and validates a `--map` file; a missing file, bad JSON or a wrong field is a UserError naming it. */
export function loadCrmMap(path: string): CrmMap {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new UserError("import_map_unreadable", `cannot read the map file ${path}: check the path.`, {
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UserError(
      "import_map_not_json",
      `the map file ${path} is not valid JSON (${(cause as Error).message}).`,
      { cause },
    );
  }
  if (jsonDepth(json) > MAX_JSON_DEPTH) {
    throw new UserError(
      "import_map_too_deep",
      `the map file ${path} nests deeper than ${MAX_JSON_DEPTH} levels; a map needs four.`,
    );
  }
  const parsed = CrmMap.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`);
  throw new UserError(
    "import_map_invalid",
    `the map file ${path} is not a valid import map: ${issues.join("; ")}. See runtime/import/FORMAT.md.`,
    { details: { issues } },
  );
}
