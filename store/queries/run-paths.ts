import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Which path served one agent of a run, as its `agent_completed` event recorded it. */
export interface ServedByRow {
  readonly agent: string;
  readonly path: string;
  readonly model: string;
  readonly reason: string | null;
}

/** How a chat turn was routed: the router that decided (`via`) and why; null for events and plays. */
export interface RouterRow {
  readonly via: string;
  readonly reason: string;
  readonly fallback: boolean;
}

/** What served a run: per agent, and the chat router, read back from the event log. */
export async function runPaths(
  db: Kysely<Database>,
  runId: string,
): Promise<{ servedBy: ServedByRow[]; router: RouterRow | null }> {
  const rows = await db
    .selectFrom("events")
    .select(["type", "source", "payload"])
    .where("entity_type", "=", "run")
    .where("entity_id", "=", runId)
    .where("type", "in", ["agent_completed", "chat_routed"])
    .orderBy("seq")
    .execute();
  const servedBy: ServedByRow[] = [];
  let router: RouterRow | null = null;
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    if (row.type === "chat_routed") {
      router = {
        via: String(payload.via),
        reason: String(payload.reason),
        fallback: payload.fallback === true,
      };
      continue;
    }
    const by = (payload.servedBy ?? {}) as Partial<ServedByRow>;
    servedBy.push({
      agent: row.source,
      path: by.path ?? "playbook",
      model: by.model ?? "playbook",
      reason: by.reason ?? null,
    });
  }
  return { servedBy, router };
}
