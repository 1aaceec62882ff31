import { GrowthError } from "../../domain/errors.ts";
import type { ChatClient } from "../client.ts";

/**
 * Lets replay errors (`recording_*`) out of a client: the SDKs wrap whatever fetch throws in a connection
 * error, which would otherwise read as a transient outage and be retried or fallen back from.
 */
export function surfaceReplayErrors(inner: ChatClient): ChatClient {
  return {
    provider: inner.provider,
    model: inner.model,
    async chat(request, signal) {
      try {
        return await inner.chat(request, signal);
      } catch (error) {
        throw replayErrorIn(error) ?? error;
      }
    },
  };
}

/** The replay error somewhere in an error's cause chain, if any. */
export function replayErrorIn(error: unknown): GrowthError | null {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (e instanceof GrowthError && e.code.startsWith("recording_")) return e;
  }
  return null;
}
