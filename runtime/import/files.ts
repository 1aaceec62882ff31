import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../../domain/errors.ts";

/** The four files `growth import` understands, in the order they are imported (referenced data first). */
export const IMPORT_FILES = [
  { name: "accounts.csv", headers: ["domain", "name", "industry", "employees", "country", "owner"] },
  {
    name: "contacts.csv",
    headers: [
      "email",
      "first_name",
      "last_name",
      "title",
      "account_domain",
      "lifecycle_stage",
      "do_not_contact",
      "unsubscribed",
      "created_at",
    ],
  },
  {
    name: "opportunities.csv",
    headers: [
      "id",
      "account_domain",
      "name",
      "amount",
      "currency",
      "stage",
      "owner",
      "created_at",
      "closed_at",
      "lost_reason",
    ],
  },
  { name: "touches.csv", headers: ["id", "contact_email", "channel", "campaign", "agent", "occurred_at"] },
] as const;

/** One of the importable file names. */
export type ImportFileName = (typeof IMPORT_FILES)[number]["name"];

/** An importable file found in the folder. */
export interface FoundFile {
  name: ImportFileName;
  path: string;
  headers: readonly string[];
}

/**
 * The importable files present in `dir`, in import order; a UserError (exit 2) when the folder is missing
 * or holds none of them.
 */
export function findImportFiles(dir: string): FoundFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(
      "import_dir_missing",
      `${dir} is not a folder; give the folder that holds ${IMPORT_FILES.map((f) => f.name).join(", ")}.`,
    );
  }
  const found = IMPORT_FILES.filter((f) => existsSync(join(dir, f.name))).map((f) => ({
    name: f.name,
    path: join(dir, f.name),
    headers: f.headers,
  }));
  if (found.length === 0) {
    throw new UserError(
      "import_nothing_found",
      `${dir} holds none of ${IMPORT_FILES.map((f) => f.name).join(", ")}; nothing to import.`,
    );
  }
  return found;
}
