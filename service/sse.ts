import type { Context } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";

/** A server-sent-event writer that stops writing once the client has gone, without stopping the caller. */
export interface EventSink {
  send(event: string, data: unknown): Promise<void>;
  readonly gone: boolean;
}

/**
 * Answers with `text/event-stream` and runs `produce` to write it. A client that disconnects only stops the
 * writing: whatever `produce` started (an accepted run) carries on and stays readable. `release` runs once.
 */
export function sseResponse(c: Context, produce: (sink: EventSink) => Promise<void>, release: () => void) {
  return streamSSE(
    c,
    async function writeEvents(stream: SSEStreamingApi) {
      let gone = false;
      stream.onAbort(() => {
        gone = true;
        release();
      });
      const sink: EventSink = {
        async send(event, data) {
          if (gone || stream.aborted) return;
          await stream.writeSSE({ event, data: JSON.stringify(data ?? null) });
        },
        get gone() {
          return gone || stream.aborted;
        },
      };
      try {
        await produce(sink);
      } catch (error) {
        await sink.send("error", errorData(error));
      } finally {
        release();
      }
    },
    async function streamFailed(error, stream) {
      await stream.writeSSE({ event: "error", data: JSON.stringify(errorData(error)) });
    },
  );
}

function errorData(error: unknown): { error: string; message: string } {
  const code = (error as { code?: unknown }).code;
  return {
    error: typeof code === "string" ? code : "internal",
    message: error instanceof Error ? error.message : String(error),
  };
}
