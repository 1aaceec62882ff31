import { Command } from "commander";
import type { ServedBy } from "../../agents/llm/runner.ts";
import { UserError } from "../../domain/errors.ts";
import { eventsByCorrelation } from "../../store/repos/events.ts";
import { usageSummary } from "../../store/repos/llm-calls.ts";
import { getRun, listRuns, type RunStatus, runsByCorrelation } from "../../store/repos/runs.ts";
import { requireStore, withOrchestrator } from "../context.ts";
import { servedByText, usageLine } from "../render.ts";

const STATUSES: RunStatus[] = [
  "queued",
  "running",
  "waiting_approval",
  "completed",
  "failed",
  "dead_lettered",
];

/** `growth runs`: recent runs with their status, newest first. */
export function runsCommand(): Command {
  return new Command("runs")
    .description("list recent runs (events, chat turns, plays) with their status")
    .option("--status <status>", `only runs with this status (${STATUSES.join(", ")})`)
    .option("--limit <n>", "how many", (v) => Number.parseInt(v, 10), 20)
    .option("--json", "print JSON")
    .action(async (options: { status?: string; limit: number; json?: boolean }, command: Command) => {
      requireStore(command);
      if (options.status && !STATUSES.includes(options.status as RunStatus)) {
        throw new UserError(
          "status_unknown",
          `Status "${options.status}" is unknown; use one of ${STATUSES.join(", ")}.`,
        );
      }
      if (!Number.isInteger(options.limit) || options.limit < 1) {
        throw new UserError("limit_invalid", "--limit takes a whole number of at least 1.");
      }
      await withOrchestrator(command, async ({ store }) => {
        const rows = await listRuns(store.db, {
          statuses: options.status ? [options.status as RunStatus] : undefined,
          limit: options.limit,
        });
        if (options.json) {
          console.log(
            JSON.stringify(
              rows.map((r) => ({
                ...r,
                request: JSON.parse(r.request),
                summary: r.summary ? JSON.parse(r.summary) : null,
              })),
              null,
              2,
            ),
          );
          return;
        }
        if (rows.length === 0) console.log("No runs yet. Try `growth emit <event.json>` or `growth demo`.");
        for (const r of rows) {
          const summary = r.summary ? (JSON.parse(r.summary) as { route?: string[] }) : {};
          console.log(
            `${r.started_at}  ${r.status.padEnd(16)} ${r.kind.padEnd(5)} ${r.thread_id}  ${(summary.route ?? []).join("→")}\n    run ${r.id}  correlation ${r.correlation_id}`,
          );
        }
      });
    });
}

/** `growth trace <id>`: one request's whole story from the event log and the checkpoints. */
export function traceCommand(): Command {
  return new Command("trace")
    .description(
      "show what happened for a correlation id (or a run id), step by step, from the event log and checkpoints, with the path that served each agent and the run's tokens and cost",
    )
    .argument("<id>", "correlation id or run id")
    .option("--json", "print JSON")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      requireStore(command);
      await withOrchestrator(command, async ({ store, orchestrator }) => {
        const byRun = await getRun(store.db, id);
        const correlationId = byRun?.correlation_id ?? id;
        const events = await eventsByCorrelation(store.db, correlationId);
        const runs = await runsByCorrelation(store.db, correlationId);
        if (events.length === 0 && runs.length === 0) {
          throw new UserError(
            "trace_unknown",
            `Nothing is recorded for ${id}; find ids with \`growth runs\`.`,
          );
        }
        const checkpoints = [];
        for (const run of runs) {
          let steps = 0;
          for await (const snap of orchestrator.graph.getStateHistory({
            configurable: { thread_id: run.thread_id },
          })) {
            if ((snap.values as { run?: { runId?: string } }).run?.runId === run.id) steps++;
          }
          const state = await orchestrator.graph.getState({ configurable: { thread_id: run.thread_id } });
          const current = (state.values as { run?: { runId?: string } }).run?.runId === run.id;
          checkpoints.push({
            runId: run.id,
            threadId: run.thread_id,
            status: run.status,
            checkpoints: steps,
            next: current ? state.next : [],
            usage: await usageSummary(store.db, "model", { runId: run.id }),
          });
        }
        if (options.json) {
          console.log(JSON.stringify({ correlation_id: correlationId, runs: checkpoints, events }, null, 2));
          return;
        }
        console.log(`correlation ${correlationId}`);
        for (const c of checkpoints) {
          console.log(
            `run ${c.runId} on ${c.threadId}: ${c.status}, ${c.checkpoints} checkpoints${c.next.length ? `, next: ${c.next.join(", ")}` : ""}`,
          );
          if (c.usage.length > 0) console.log(`    ${usageLine(c.usage)}`);
        }
        for (const e of events) {
          console.log(
            `#${e.seq} ${e.occurredAt.toISOString()} ${e.type.padEnd(22)} ${e.source.padEnd(22)} ${brief(e.payload)}`,
          );
        }
      });
    });
}

/** The one-line gist of an event's payload; an agent's line ends with the path that served it. */
export function brief(payload: unknown): string {
  if (!payload || typeof payload !== "object") return "";
  const p = payload as Record<string, unknown>;
  if (typeof p.summary === "string") {
    const served = p.servedBy as ServedBy | undefined;
    return served ? `${p.summary} [served by ${servedByText(served)}]` : p.summary;
  }
  if (Array.isArray(p.decisions)) {
    return (p.decisions as { target: string; decision: string; rule: string | null }[])
      .map((d) => `${d.decision}${d.rule ? `(${d.rule})` : ""}`)
      .join(", ");
  }
  if (typeof p.detail === "string") return p.detail;
  if (typeof p.reason === "string") return p.reason;
  if (typeof p.verdict === "string") return p.verdict;
  return "";
}
