import { Command } from "commander";
import type { ServedBy } from "../../agents/llm/runner.ts";
import { requireStore, withOrchestrator } from "../context.ts";
import { RUN_STATUSES, recentRuns } from "../queries/runs.ts";
import { traceOf } from "../queries/trace.ts";
import { servedByText, usageLine } from "../render.ts";

/** `growth runs`: recent runs with their status, newest first. */
export function runsCommand(): Command {
  return new Command("runs")
    .description("list recent runs (events, chat turns, plays) with their status")
    .option("--status <status>", `only runs with this status (${RUN_STATUSES.join(", ")})`)
    .option("--limit <n>", "how many", (v) => Number.parseInt(v, 10), 20)
    .option("--json", "print JSON")
    .action(async (options: { status?: string; limit: number; json?: boolean }, command: Command) => {
      requireStore(command);
      await withOrchestrator(command, async ({ store }) => {
        const rows = await recentRuns(store, options);
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0) console.log("No runs yet. Try `growth emit <event.json>` or `growth demo`.");
        for (const r of rows) {
          const summary = (r.summary ?? {}) as { route?: string[] };
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
        const trace = await traceOf(store, orchestrator.graph, id);
        const { correlation_id: correlationId, runs: checkpoints, events } = trace;
        if (options.json) {
          console.log(JSON.stringify(trace, null, 2));
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
