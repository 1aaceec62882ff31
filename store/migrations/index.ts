import type { Migration } from "kysely";
import type { Dialect } from "../dialect.ts";
import { initialMigration } from "./001-initial.ts";
import { llmCallsMigration } from "./002-llm-calls.ts";
import { rejectionsMigration } from "./003-rejections.ts";
import { scaleIndexesMigration } from "./004-scale-indexes.ts";
import { apiKeysMigration } from "./005-api-keys.ts";
import { reliabilityStateMigration } from "./006-reliability-state.ts";
import { storeSecretsMigration } from "./007-store-secrets.ts";
import { agentReadIndexesMigration } from "./008-agent-read-indexes.ts";
import { ownershipRunsMigration } from "./009-ownership-runs.ts";
import { keyExpiryMigration } from "./010-console-key-expiry.ts";
import { telemetryTraceContextMigration } from "./011-telemetry-trace-context.ts";
import { contactsLifecycleMigration } from "./012-perf-contacts-lifecycle.ts";

/** Every migration, in order; names sort lexically, so keep the numeric prefix. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "001-initial": initialMigration(dialect),
    "002-llm-calls": llmCallsMigration(dialect),
    "003-rejections": rejectionsMigration(dialect),
    "004-scale-indexes": scaleIndexesMigration(),
    "005-api-keys": apiKeysMigration(dialect),
    "006-reliability-state": reliabilityStateMigration(dialect),
    "007-store-secrets": storeSecretsMigration(),
    "008-agent-read-indexes": agentReadIndexesMigration(),
    "009-ownership-runs": ownershipRunsMigration(),
    "010-console-key-expiry": keyExpiryMigration(),
    "011-telemetry-trace-context": telemetryTraceContextMigration(),
    "012-perf-contacts-lifecycle": contactsLifecycleMigration(),
  };
}
