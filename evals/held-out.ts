import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../domain/errors.ts";
import { DATASETS_DIR } from "./dataset.ts";
import { isHeldOut } from "./schema.ts";

/** The committed hash list of the held-out routing cases, next to the dataset. */
export const HELD_OUT_LIST = "routing.held-out.sha256";

/** How the held-out cases differ from the committed hash list. */
export interface HeldOutDrift {
  edited: string[];
  removed: string[];
  added: string[];
}

/** The sha256 of each held-out line (v1 and v2) of the routing dataset, by case id (the line as committed). */
export function heldOutHashes(datasetText: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const line of datasetText.split("\n")) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as { id?: unknown; split?: unknown };
    if (typeof raw.split !== "string" || !isHeldOut(raw.split) || typeof raw.id !== "string") continue;
    hashes.set(raw.id, createHash("sha256").update(line).digest("hex"));
  }
  return hashes;
}

function parseList(text: string): Map<string, string> {
  const list = new Map<string, string>();
  for (const line of text.split("\n")) {
    const [hash, id] = line.trim().split(/\s+/);
    if (hash && id) list.set(id, hash);
  }
  return list;
}

/** Compares the dataset's held-out cases with the committed list; a missing list counts every case as removed. */
export function heldOutDrift(dir: string = DATASETS_DIR): HeldOutDrift {
  const current = heldOutHashes(readFileSync(join(dir, "routing.jsonl"), "utf8"));
  const file = join(dir, HELD_OUT_LIST);
  const committed = existsSync(file) ? parseList(readFileSync(file, "utf8")) : new Map<string, string>();
  const drift: HeldOutDrift = { edited: [], removed: [], added: [] };
  for (const [id, hash] of committed) {
    const now = current.get(id);
    if (now === undefined) drift.removed.push(id);
    else if (now !== hash) drift.edited.push(id);
  }
  for (const id of current.keys()) if (!committed.has(id)) drift.added.push(id);
  if (!existsSync(file) && current.size > 0) drift.removed.push(`(no ${HELD_OUT_LIST})`);
  return drift;
}

/** Refuses to score when a held-out case was edited or removed: the held-out set only grows. */
export function assertHeldOutIntact(dir: string = DATASETS_DIR): HeldOutDrift {
  const drift = heldOutDrift(dir);
  if (drift.edited.length || drift.removed.length) {
    const what = [
      ...drift.edited.map((id) => `${id} (edited)`),
      ...drift.removed.map((id) => `${id} (removed)`),
    ];
    throw new UserError(
      "eval_held_out_changed",
      `Held-out routing cases changed: ${what.join(", ")}. Held-out cases only grow: restore them, or accept ` +
        "the change deliberately with `growth eval --bless-held-out`.",
    );
  }
  return drift;
}

/** Rewrites the hash list from the dataset as it is (`growth eval --bless-held-out`); returns how many it lists. */
export function blessHeldOut(dir: string = DATASETS_DIR): number {
  const current = heldOutHashes(readFileSync(join(dir, "routing.jsonl"), "utf8"));
  const lines = [...current].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, hash]) => `${hash}  ${id}`);
  writeFileSync(join(dir, HELD_OUT_LIST), `${lines.join("\n")}\n`);
  return current.size;
}
