import { z } from "zod";

/** The pg-boss queue that carries runs to `growth worker` processes. */
export const RUN_QUEUE = "growth-runs";

/** Where a job that cannot be worked (a payload that fails validation, a run that does not exist) goes, with its reason. */
export const DEAD_RUN_QUEUE = "growth-runs-dead";

/** One job: "run this accepted run"; versioned, since jobs outlive the code that sent them. */
export const RunJob = z.object({
  v: z.literal(1).describe("payload schema version"),
  runId: z.string().min(1).describe("the accepted run to execute"),
  threadId: z
    .string()
    .min(1)
    .describe("the run's thread: runs of one thread execute one at a time, in order"),
  depth: z.number().int().min(0).describe("how deep in a cascade of follow-up events this run is"),
});
export type RunJob = z.infer<typeof RunJob>;

/** What a dead-lettered job carries: the payload as it came and why it could not be worked. */
export interface DeadRunJob {
  readonly jobId: string;
  readonly data: unknown;
  readonly reason: string;
}

/** Validates a job's payload; the reason names the fields that are wrong. */
export function parseRunJob(data: unknown): { ok: true; job: RunJob } | { ok: false; reason: string } {
  const result = RunJob.safeParse(data);
  if (result.success) return { ok: true, job: result.data };
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`);
  return { ok: false, reason: `invalid job payload: ${issues.join("; ")}` };
}
