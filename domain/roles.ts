import { z } from "zod";

/** What an API key may do, each role including the ones before it. */
export const ApiRole = z.enum(["viewer", "operator", "approver", "admin"]);
export type ApiRole = z.infer<typeof ApiRole>;

/** The roles in order of power. */
export const API_ROLES: readonly ApiRole[] = ApiRole.options;

/** Whether a key with `held` may do what needs `needed` (viewer < operator < approver < admin). */
export function roleAllows(held: ApiRole, needed: ApiRole): boolean {
  return API_ROLES.indexOf(held) >= API_ROLES.indexOf(needed);
}
