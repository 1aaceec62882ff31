import { z } from "zod";
import { sourcePath } from "../../domain/source-path.ts";

/**
 * How LLM HTTP calls meet the recordings: `off` (straight through), `record` (call and store), `replay`
 * (serve a recording, else call through) or `replay-strict` (serve a recording, else fail).
 */
export const ReplayMode = z
  .enum(["off", "record", "replay", "replay-strict"])
  .describe("GROWTH_LLM_REPLAY: off, record, replay or replay-strict");
export type ReplayMode = z.infer<typeof ReplayMode>;

/** Where recordings live unless GROWTH_RECORDINGS_DIR says otherwise: evals/recordings in the repository. */
export const DEFAULT_RECORDINGS_DIR = sourcePath(import.meta.url, "../../evals/recordings");

/** The replay settings of one process. */
export interface ReplaySettings {
  readonly mode: ReplayMode;
  /** The folder of `<key>.json` recordings. */
  readonly dir: string;
}
