import { UserError } from "../../../domain/errors.ts";
import { HUBSPOT } from "./hubspot.ts";
import { CrmMap } from "./map-schema.ts";
import { PIPEDRIVE } from "./pipedrive.ts";
import { SALESFORCE } from "./salesforce.ts";

export { resolveCompanies, type UnresolvedCompany } from "./companies.ts";
export { type CrmMap, loadCrmMap } from "./map-schema.ts";

const BUILT_IN = { hubspot: HUBSPOT, salesforce: SALESFORCE, pipedrive: PIPEDRIVE } as const;

/** The CRMs `--from` knows. */
export const CRM_NAMES = Object.keys(BUILT_IN) as (keyof typeof BUILT_IN)[];

/** The built-in map for `--from <crm>` (case ignored); a UserError listing the known ones otherwise. */
export function builtInMap(name: string): CrmMap {
  const key = name.trim().toLowerCase();
  const map = (BUILT_IN as Record<string, (typeof BUILT_IN)[keyof typeof BUILT_IN]>)[key];
  if (map === undefined) {
    throw new UserError(
      "import_source_unknown",
      `--from "${name}" is not a CRM the import knows; use one of ${CRM_NAMES.join(", ")}, or --map <file.json> for another.`,
    );
  }
  return CrmMap.parse(map);
}
