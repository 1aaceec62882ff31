import { roleAllows } from "../../domain/roles.ts";
import type { ApiKeyView } from "../../runtime/keys/index.ts";
import type { RunOutcome } from "../../runtime/outcome.ts";
import { touchApiThread } from "../../store/repos/api-threads.ts";
import { acceptRun } from "../accept.ts";
import type { ServiceDeps } from "../deps.ts";
import { ApiError } from "../errors.ts";
import { RunFeed } from "../feed.ts";
import { isOrchestrator } from "./assistant.ts";
import { applyResume, checkResume } from "./resume.ts";
import { lastUserText, type RunBody } from "./run-body.ts";
import { graphThreadOf } from "./threads.ts";

/** A run started for an SDK client: its id, its live signals and its outcome (null while approvals still wait). */
export interface StartedRun {
  runId: string;
  feed: RunFeed;
  done: Promise<RunOutcome | null>;
}

/**
 * Starts what an SDK run asks for: a chat turn (`input.messages`), an event (`input.event`), or a resume of the
 * thread's pending approvals (`command.resume`, approver role). Everything is validated before anything is written.
 */
export async function startRun(
  deps: ServiceDeps,
  threadId: string,
  body: RunBody,
  key: ApiKeyView,
): Promise<StartedRun> {
  if (!isOrchestrator(body.assistant_id))
    throw new ApiError(
      404,
      "assistant_unknown",
      `There is no assistant ${body.assistant_id}; use "growth-orchestrator".`,
    );
  const feed = new RunFeed();
  await touchApiThread(deps.store.db, threadId, new Date());
  if (body.command) {
    if (!roleAllows(key.role, "approver"))
      throw new ApiError(
        403,
        "role_insufficient",
        `Key "${key.name}" is a ${key.role}; deciding approvals needs approver or above.`,
      );
    const pending = await deps.orchestrator.pendingOf(graphThreadOf(threadId));
    const { runId, value } = await checkResume(deps, threadId, pending, body.command.resume);
    feed.attach(deps.bus, runId);
    const done = deps.tasks.track(applyResume(deps, value, key.name));
    void done.finally(() => feed.finish()).catch(() => undefined);
    return { runId, feed, done };
  }
  const input = body.input ?? {};
  const submit =
    input.event !== undefined
      ? (o: Parameters<Parameters<typeof acceptRun>[1]>[0]) => deps.orchestrator.submitEvent(input.event, o)
      : input.messages
        ? (o: Parameters<Parameters<typeof acceptRun>[1]>[0]) =>
            deps.orchestrator.chat(lastUserText(input.messages ?? []), threadId, o)
        : null;
  if (!submit)
    throw new ApiError(400, "body_invalid", "input needs messages (a chat turn) or event (a growth event).");
  const { accepted, done } = acceptRun(deps.tasks, (o) =>
    submit({
      onAccepted: (a) => {
        feed.attach(deps.bus, a.runId);
        o.onAccepted?.(a);
      },
    }),
  );
  void done.finally(() => feed.finish()).catch(() => undefined);
  const { run_id } = await accepted;
  return { runId: run_id, feed, done };
}
