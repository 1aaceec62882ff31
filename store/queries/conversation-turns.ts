import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** One earlier turn of a conversation, as the event log and the runs table hold it. */
export interface ConversationTurn {
  readonly runId: string;
  readonly at: string;
  /** What the growth lead asked. */
  readonly asked: string;
  /** Each agent's summary (the answer is made of them). */
  readonly agents: readonly { readonly agent: string; readonly summary: string }[];
  /** Each guard decision: action type, target, decision and approval. */
  readonly decisions: readonly {
    readonly actionType: string;
    readonly target: string;
    readonly decision: string;
    readonly approval: string | null;
  }[];
}

/** The latest `limit` turns of a chat thread started before `runId`, oldest first. */
export async function conversationTurns(
  db: Kysely<Database>,
  threadId: string,
  runId: string,
  limit = 8,
): Promise<ConversationTurn[]> {
  const current = await db.selectFrom("runs").select("started_at").where("id", "=", runId).executeTakeFirst();
  if (!current) return [];
  const runs = await db
    .selectFrom("runs")
    .select(["id", "request", "started_at"])
    .where("thread_id", "=", threadId)
    .where("id", "<>", runId)
    .where("started_at", "<=", current.started_at)
    .orderBy("started_at", "desc")
    .limit(limit)
    .execute();
  const turns: ConversationTurn[] = [];
  for (const run of runs.reverse()) {
    const request = JSON.parse(run.request) as { kind?: string; text?: string };
    const events = await db
      .selectFrom("events")
      .select(["type", "source", "payload"])
      .where("type", "in", ["agent_completed", "guard_decision"])
      .where("id", "like", `${run.id}:%`)
      .orderBy("seq")
      .execute();
    const agents: { agent: string; summary: string }[] = [];
    const decisions: ConversationTurn["decisions"][number][] = [];
    for (const e of events) {
      const payload = JSON.parse(e.payload) as Record<string, unknown>;
      if (e.type === "agent_completed")
        agents.push({ agent: e.source, summary: String(payload.summary ?? "") });
      else {
        const ds = (payload.decisions ?? []) as { target: string; decision: string; approval?: string }[];
        for (const d of ds) {
          decisions.push({
            actionType: String(payload.actionType),
            target: d.target,
            decision: d.decision,
            approval: d.approval ?? null,
          });
        }
      }
    }
    turns.push({ runId: run.id, at: run.started_at, asked: request.text ?? "", agents, decisions });
  }
  return turns;
}
