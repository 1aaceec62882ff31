import { accountKey } from "../../../domain/keys.ts";
import type { MappedFile } from "./read-export.ts";

/** A company name no account and no contact's email could tie to a domain, and how many rows named it. */
export interface UnresolvedCompany {
  name: string;
  rows: number;
}

// Legal forms are dropped so "Acme, Inc." and "ACME" are one company.
const LEGAL_FORMS =
  /\b(inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|ag|corp|corporation|co|company|plc|sa|sas|bv|nv|oy|ab|pty|srl|spa)\b\.?/g;

/** A company name as compared: case, punctuation and legal forms ignored. */
export function companyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(LEGAL_FORMS, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Fills the account domain of rows that give only a company name: from an account already in the store or
 * in the export with that name, else from the email domain most of that company's contacts use. An account
 * row takes any domain so found; a contact or opportunity only one that is an account (in the store or the
 * export). Names left unresolved are returned, once per name with their row count.
 */
export function resolveCompanies(
  files: MappedFile[],
  known: readonly { domain: string; name: string }[],
): UnresolvedCompany[] {
  const accounts = new Map<string, Set<string>>();
  const add = (name: string, domain: string | null) => {
    const key = companyKey(name);
    if (key === "" || domain === null) return;
    accounts.set(key, (accounts.get(key) ?? new Set()).add(domain));
  };
  for (const a of known) add(a.name, a.domain);
  const rows = (name: MappedFile["name"]) => files.find((f) => f.name === name && f.csv.ok)?.csv;
  const accountRows = rows("accounts.csv");
  if (accountRows?.ok)
    for (const r of accountRows.rows) add(r.values.name ?? "", accountKey(r.values.domain ?? ""));
  // Contacts' email domains, counted per company: the domain most of them use wins.
  const byEmail = new Map<string, Map<string, number>>();
  const contactRows = rows("contacts.csv");
  if (contactRows?.ok) {
    for (const r of contactRows.rows) {
      const key = companyKey(r.values.company ?? "");
      const domain = accountKey(r.values.email?.split("@")[1] ?? "");
      if (key === "" || domain === null) continue;
      const counts = byEmail.get(key) ?? new Map<string, number>();
      byEmail.set(key, counts.set(domain, (counts.get(domain) ?? 0) + 1));
    }
  }
  const resolve = (name: string): string | null => {
    const key = companyKey(name);
    const named = accounts.get(key);
    if (named !== undefined) return named.size === 1 ? ([...named][0] ?? null) : null;
    const counts = [...(byEmail.get(key) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    const [top, next] = counts;
    return top !== undefined && (next === undefined || next[1] < top[1]) ? top[0] : null;
  };

  const unresolved = new Map<string, UnresolvedCompany>();
  const fill = (
    values: Record<string, string>,
    column: "domain" | "account_domain",
    name: string,
    usable: (domain: string) => boolean = () => true,
  ) => {
    if ((values[column] ?? "").trim() !== "" || name.trim() === "") return;
    const domain = resolve(name);
    if (domain !== null && usable(domain)) {
      values[column] = domain;
      return;
    }
    const entry = unresolved.get(name.trim()) ?? { name: name.trim(), rows: 0 };
    unresolved.set(name.trim(), { ...entry, rows: entry.rows + 1 });
  };
  if (accountRows?.ok) for (const r of accountRows.rows) fill(r.values, "domain", r.values.name ?? "");
  // A contact joins a company's account only when that account exists (in the store or this export);
  // otherwise it falls back to the account of its own email domain, as in the import's own format.
  const accountDomains = new Set(known.map((a) => a.domain));
  if (accountRows?.ok) {
    for (const r of accountRows.rows) {
      const domain = accountKey(r.values.domain ?? "");
      if (domain !== null) accountDomains.add(domain);
    }
  }
  if (contactRows?.ok) {
    for (const r of contactRows.rows)
      fill(r.values, "account_domain", r.values.company ?? "", (d) => accountDomains.has(d));
  }
  const opportunityRows = rows("opportunities.csv");
  if (opportunityRows?.ok) {
    for (const r of opportunityRows.rows)
      fill(r.values, "account_domain", r.values.company ?? "", (d) => accountDomains.has(d));
  }
  return [...unresolved.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
