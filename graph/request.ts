import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import type { AgentRequest } from "../agents/agent.ts";
import { GrowthEvent } from "../domain/events.ts";
import { accountKey } from "../domain/keys.ts";

/** What a run was asked to do, as stored in graph state. */
export const RunRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), eventId: z.string(), event: GrowthEvent }),
  z.object({ kind: z.literal("chat"), text: z.string().min(1).max(4_000) }),
  z.object({ kind: z.literal("play"), play: z.string().min(1) }),
]);
export type RunRequest = AgentRequest;

/**
 * The checkpoint thread an event runs on: one per entity, so an account's runs never overlap. A contact
 * with no company account is named by a keyed hash of its email (`idKey`, the store's own), never the email,
 * because thread ids travel into logs and traces.
 */
export function threadForEvent(event: GrowthEvent, idKey: string): string {
  const id = event.entity_id.trim().toLowerCase();
  switch (event.entity_type) {
    case "lead":
    case "contact": {
      const domain = accountKey(id);
      return domain ? `account:${domain}` : `contact:${personalId(id, idKey)}`;
    }
    case "account":
    case "partner":
      return `account:${accountKey(id) ?? id}`;
    default:
      return `${event.entity_type}:${id}`;
  }
}

/** A stable dedupe key for an event: its correlation id, or a hash of its canonical JSON. */
export function eventRequestKey(event: GrowthEvent): string {
  if (event.correlation_id) return `event:${event.correlation_id}`;
  return `event:${sha256(canonicalJson(event)).slice(0, 32)}`;
}

/** JSON with object keys sorted, so equal values always serialise the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** A stable, non-personal id for a personal value: the first 24 hex digits of its HMAC-SHA256 under `key`. */
export function personalId(value: string, key: string): string {
  return createHmac("sha256", key).update(value).digest("hex").slice(0, 24);
}

/** Hex sha256 of a string. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
