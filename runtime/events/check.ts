import type { Kysely } from "kysely";
import { UserError } from "../../domain/errors.ts";
import { recordRejection } from "../../store/repos/rejections.ts";
import type { Database } from "../../store/schema.ts";
import { Orchestrator } from "../orchestrator.ts";

/**
 * Validates a batch of events before any is accepted: a bad event rejects the whole batch, naming it and its
 * fields, and the refusal is recorded (why, and a hash of what came in) apart from the untouched event log.
 */
export async function checkEvents(
  db: Kysely<Database>,
  raws: readonly unknown[],
  source: string,
): Promise<void> {
  for (const [i, raw] of raws.entries()) {
    try {
      Orchestrator.parseEvent(raw);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const issues = (error.details?.issues as string[] | undefined) ?? [error.message];
      await recordRejection(db, {
        source,
        kind: "event",
        issues,
        payload: JSON.stringify(raw) ?? "",
        at: new Date(),
      });
      if (raws.length > 1) {
        throw new UserError(error.code, `Event ${i + 1} of ${raws.length}: ${error.message}`, {
          details: { issues, index: i },
        });
      }
      throw error;
    }
  }
}
