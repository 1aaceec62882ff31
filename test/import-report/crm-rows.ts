import { join } from "node:path";
import type { dumpCrm } from "./store-probe.ts";

/** The hand-written CRM export fixtures. */
export const CRM = join(import.meta.dirname, "..", "fixtures", "crm");

/** An accounts row as stored, without its timestamps. */
export const account = (
  domain: string,
  name: string,
  industry: string,
  employees: number | null,
  country: string | null,
  owner: string | null,
) => ({
  domain,
  name,
  industry,
  employees,
  country,
  owner,
});
/** A contacts row as stored, without its timestamps. */
export const contact = (
  email: string,
  first_name: string,
  last_name: string,
  title: string,
  account_domain: string | null,
  lifecycle_stage: string,
  unsubscribed: 0 | 1,
  created_at: string,
) => ({
  email,
  first_name,
  last_name,
  title,
  account_domain,
  lifecycle_stage,
  do_not_contact: 0,
  unsubscribed,
  created_at,
});
/** An opportunities row as stored, without its timestamps. */
export const deal = (
  id: string,
  account_domain: string,
  name: string,
  amount_cents: number,
  currency: string,
  stage: string,
  owner: string,
  created_at: string,
  closed_at: string | null,
  lost_reason: string | null,
) => ({ id, account_domain, name, amount_cents, currency, stage, owner, created_at, closed_at, lost_reason });

/** The CRM rows of a dump, without the columns the import stamps with the time it ran. */
export function rows(dump: Awaited<ReturnType<typeof dumpCrm>>) {
  const without = (r: unknown, keys: string[]) =>
    Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !keys.includes(k)));
  return {
    accounts: dump.accounts.map((r) => without(r, ["created_at", "updated_at"])),
    contacts: dump.contacts.map((r) => without(r, ["updated_at", "bounced"])),
    opportunities: dump.opportunities.map((r) => without(r, ["updated_at"])),
  };
}
