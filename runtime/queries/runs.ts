import { UserError } from "../../domain/errors.ts";
import type { Store } from "../../store/db.ts";
import { getRun, listRuns, type RunRow, type RunStatus } from "../../store/repos/runs.ts";

/** Every run status, for validating a filter. */
export const RUN_STATUSES: readonly RunStatus[] = [
  "queued",
  "running",
  "waiting_approval",
  "completed",
  "failed",
  "dead_lettered",
];

/** Recent runs, newest first, with their request and summary parsed; a bad filter is a user error. */
export async function recentRuns(store: Store, query: { status?: string; limit?: number }) {
  if (query.status && !RUN_STATUSES.includes(query.status as RunStatus)) {
    throw new UserError(
      "status_unknown",
      `Status "${query.status}" is unknown; use one of ${RUN_STATUSES.join(", ")}.`,
    );
  }
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UserError("limit_invalid", "The limit takes a whole number of at least 1.");
  }
  const rows = await listRuns(store.db, {
    statuses: query.status ? [query.status as RunStatus] : undefined,
    limit,
  });
  return rows.map(runView);
}

/** One run with its request and summary parsed; an unknown id is a user error naming it. */
export async function runById(store: Store, id: string) {
  const row = await getRun(store.db, id);
  if (!row)
    throw new UserError("run_unknown", `There is no run ${id}; list runs with \`growth runs\`.`, {
      details: { missing: id },
    });
  return runView(row);
}

/** A run row with its JSON columns parsed. */
export function runView(row: RunRow) {
  return {
    ...row,
    request: JSON.parse(row.request) as unknown,
    summary: row.summary ? (JSON.parse(row.summary) as unknown) : null,
  };
}
