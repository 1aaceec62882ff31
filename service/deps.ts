import type { Logger } from "pino";
import type { ModelMode } from "../runtime/app.ts";
import type { Orchestrator } from "../runtime/orchestrator.ts";
import type { Store } from "../store/db.ts";
import type { Metrics } from "../telemetry/metrics.ts";
import type { RunBus } from "./run-bus.ts";
import type { Tasks } from "./tasks.ts";

/** Limits of the service; every one has a default in `DEFAULT_LIMITS`. */
export interface ServiceLimits {
  /** Largest request body accepted, in bytes (413 beyond). */
  readonly bodyBytes: number;
  /** Requests per key per minute (429 with Retry-After beyond). */
  readonly requestsPerMinute: number;
  /** How long a non-streaming request may take (504 beyond; an accepted run still completes). */
  readonly requestTimeoutMs: number;
  /** Chat streams one key may hold open at once (429 beyond). */
  readonly streamsPerKey: number;
}

/** The limits `growth serve` runs with unless told otherwise. */
export const DEFAULT_LIMITS: ServiceLimits = {
  bodyBytes: 1_000_000,
  requestsPerMinute: 600,
  requestTimeoutMs: 120_000,
  streamsPerKey: 4,
};

/** What the HTTP layer needs: the store, the orchestrator the CLI uses, the run bus and background tasks. */
export interface ServiceDeps {
  readonly store: Store;
  readonly orchestrator: Orchestrator;
  readonly models: ModelMode;
  readonly logger: Logger;
  readonly bus: RunBus;
  readonly tasks: Tasks;
  readonly limits: ServiceLimits;
  /** The orchestrator's clock (the console shows how long an approval has waited by it); the wall clock if absent. */
  readonly clock?: () => Date;
  /** The process's Prometheus metrics, answered at `GET /metrics` (behind a viewer key); absent: no route. */
  readonly metrics?: Metrics;
}
