import type { Logger } from "pino";
import type { OrchestratorGraph } from "../../graph/build.ts";
import type { Store } from "../../store/db.ts";
import type { RunOutcome } from "../outcome.ts";
import type { RunOwner } from "../ownership/index.ts";
import type { RunControl } from "../run-control.ts";
import type { OrchestratorOptions, SubmitOptions } from "./options.ts";
import type { IntakeQueue } from "./queue.ts";
import type { ThreadQueue } from "./thread-queue.ts";

/** What the orchestrator's parts share: the store, the compiled graph, the clock and the per-thread queue. */
export interface OrchestratorContext {
  readonly store: Store;
  readonly logger: Logger;
  readonly graph: OrchestratorGraph;
  readonly clock: () => Date;
  /** How deep follow-up events may cascade from one request. */
  readonly maxCascade: number;
  readonly onStep?: OrchestratorOptions["onStep"];
  readonly onValues?: OrchestratorOptions["onValues"];
  readonly control?: RunControl;
  readonly threads: ThreadQueue;
  /** On a Postgres store: where accepted runs' jobs go (see queue.ts); absent, runs execute here only. */
  readonly queue?: IntakeQueue;
  /** This process's hold on runs: a run is claimed before it executes and released after. */
  readonly owner: RunOwner;
  /** Accepts a follow-up event as a new run; passed in so execution need not import intake. */
  readonly submitEvent: (raw: unknown, options: SubmitOptions) => Promise<RunOutcome>;
}
