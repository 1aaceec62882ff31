import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { UserError } from "../domain/errors.ts";
import { loadPromptFiles, PROMPT_FILE_IDS, PROMPTS_DIR, type PromptFile, type PromptFileId } from "./load.ts";

/** The committed lock file: each prompt file's version and the sha256 of its text, so edits need a bump. */
export const PromptLock = z
  .object({
    schemaVersion: z.literal(1),
    prompts: z.record(
      z.string(),
      z.object({
        version: z.string().describe("The version in the file's front matter when it was locked"),
        hash: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .describe("sha256 of the text after the front matter"),
      }),
    ),
  })
  .strict();
export type PromptLock = z.infer<typeof PromptLock>;

/** How a prompt file stands against the lock. */
export type LockStatus = "locked" | "unversioned-change" | "stale" | "version-down" | "unlocked";

/** One prompt file's standing, with the message that says what to do when it is not `locked`. */
export interface LockFinding {
  readonly id: PromptFileId;
  readonly status: LockStatus;
  readonly message: string | null;
}

/** The lock file beside the prompts. */
export const LOCK_FILE = "prompts.lock.json";

/** Reads the lock file; a missing one is an empty lock, a malformed one fails with what to do. */
export function readLock(dir: string = PROMPTS_DIR): PromptLock {
  const file = join(dir, LOCK_FILE);
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return { schemaVersion: 1, prompts: {} };
  }
  let parsed: ReturnType<typeof PromptLock.safeParse>;
  try {
    parsed = PromptLock.safeParse(JSON.parse(raw));
  } catch (cause) {
    throw new UserError("prompt_lock_invalid", `${file} is not JSON; run \`growth prompts lock\`.`, {
      cause,
    });
  }
  if (!parsed.success) {
    throw new UserError("prompt_lock_invalid", `${file} is malformed; run \`growth prompts lock\`.`);
  }
  return parsed.data;
}

/** Compares every prompt file with the lock: text changed without a version bump, a stale lock, or none. */
export function checkLock(
  files: Readonly<Record<PromptFileId, PromptFile>>,
  lock: PromptLock,
): LockFinding[] {
  return PROMPT_FILE_IDS.map((id) => finding(files[id], lock.prompts[id]));
}

/**
 * Rewrites the lock from the prompt files; refuses while any text changed without a version bump, so
 * locking cannot hide an unversioned edit.
 */
export function writeLock(dir: string = PROMPTS_DIR): { lock: PromptLock; changed: PromptFileId[] } {
  const files = loadPromptFiles(dir);
  const old = readLock(dir);
  const findings = checkLock(files, old);
  const blocking = findings.filter((f) => f.status === "unversioned-change" || f.status === "version-down");
  if (blocking.length > 0) {
    throw new UserError("prompt_unversioned", blocking.map((f) => f.message).join("\n"));
  }
  const lock: PromptLock = { schemaVersion: 1, prompts: {} };
  for (const id of [...PROMPT_FILE_IDS].sort()) {
    lock.prompts[id] = { version: files[id].meta.version, hash: files[id].bodyHash };
  }
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`);
  return { lock, changed: findings.filter((f) => f.status !== "locked").map((f) => f.id) };
}

/** Orders two `x.y.z` versions: negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function finding(file: PromptFile, locked: { version: string; hash: string } | undefined): LockFinding {
  const { id, meta, bodyHash } = file;
  const where = `prompts/${id}.md`;
  if (!locked) {
    return { id, status: "unlocked", message: `${where} is not in the lock: run \`growth prompts lock\`.` };
  }
  if (locked.hash === bodyHash && locked.version === meta.version)
    return { id, status: "locked", message: null };
  if (locked.hash !== bodyHash && locked.version === meta.version) {
    return {
      id,
      status: "unversioned-change",
      message:
        `Prompt ${id} changed but its version is still ${meta.version}: bump \`version\` in ${where} ` +
        "and run `growth prompts lock`.",
    };
  }
  if (compareVersions(meta.version, locked.version) < 0) {
    return {
      id,
      status: "version-down",
      message: `Prompt ${id} went from version ${locked.version} down to ${meta.version}: versions only go up; fix ${where}.`,
    };
  }
  return {
    id,
    status: "stale",
    message: `Prompt ${id} is at ${meta.version} but locked at ${locked.version}: run \`growth prompts lock\`.`,
  };
}
