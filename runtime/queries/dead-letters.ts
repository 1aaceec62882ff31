import { UserError } from "../../domain/errors.ts";
import type { Store } from "../../store/db.ts";
import {
  closeDeadLetter,
  type DeadLetterRow,
  getDeadLetter,
  listDeadLetters,
} from "../../store/repos/dead-letters.ts";
import { appendEvents } from "../../store/repos/events.ts";

/** Dead letters, newest first: only open ones unless `all`. */
export async function deadLetterList(store: Store, all = false) {
  return (await listDeadLetters(store.db, all ? undefined : "open")).map(deadLetterSummary);
}

/** One dead letter with its event, state snapshot and error chain; an unknown id is a user error naming it. */
export async function deadLetterDetail(store: Store, id: string) {
  const row = await found(store, id);
  return {
    ...deadLetterSummary(row),
    run_id: row.run_id,
    thread_id: row.thread_id,
    correlation_id: row.correlation_id,
    event: JSON.parse(row.event) as unknown,
    state: JSON.parse(row.state) as unknown,
    error_chain: JSON.parse(row.error) as { name: string; code: string | null; message: string }[],
  };
}

/** Closes a dead letter without running it again and logs why; a closed one is refused. */
export async function discardDeadLetter(store: Store, id: string, reason: string, at: Date = new Date()) {
  const row = await found(store, id);
  if (!(await closeDeadLetter(store.db, id, "discarded", at))) {
    throw new UserError("dead_letter_closed", `Dead letter ${id} was already ${row.status}.`);
  }
  await appendEvents(store.db, [
    {
      id: `dead-letter:${id}:discarded`,
      type: "dead_letter_discarded",
      entityType: "dead_letter",
      entityId: id,
      correlationId: row.correlation_id,
      causationId: `dead-letter:${id}`,
      source: "operator",
      payload: { reason },
      occurredAt: at,
    },
  ]);
}

/** The one-line view of a dead letter: where it failed, the outermost error and the attempts. */
export function deadLetterSummary(row: DeadLetterRow) {
  const chain = JSON.parse(row.error) as { code: string | null; message: string }[];
  return {
    id: row.id,
    status: row.status,
    node: row.node,
    code: chain[0]?.code ?? null,
    message: chain[0]?.message ?? "",
    attempts: row.attempts,
    created_at: row.created_at,
  };
}

async function found(store: Store, id: string): Promise<DeadLetterRow> {
  const row = await getDeadLetter(store.db, id);
  if (!row)
    throw new UserError("dead_letter_unknown", `There is no dead letter ${id}; see \`growth dlq list\`.`, {
      details: { missing: id },
    });
  return row;
}
