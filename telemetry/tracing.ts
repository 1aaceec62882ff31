import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

/** The instrumentation scope every Growth Engine span is made under. */
export const TRACER_NAME = "growth-engine";

const w3c = new W3CTraceContextPropagator();

/** Whether an error is a control-flow signal (an interrupt, a drain), which is not a failed span. */
export type IsSignal = (error: unknown) => boolean;

const notSignal: IsSignal = () => false;

/**
 * Runs `fn` inside a new active span; records a thrown error (unless it is a control-flow signal) and ends the
 * span either way. With no tracer provider registered (tracing off) the span is the API's no-op span.
 */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
  options: { kind?: SpanKind; parent?: Context; isSignal?: IsSignal } = {},
): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { attributes, kind: options.kind ?? SpanKind.INTERNAL },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        if (!(options.isSignal ?? notSignal)(error)) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : String(error),
          });
        }
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Whether the environment asks for traces: an OTLP endpoint is set and the SDK is not disabled. */
export function tracingWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts a span under the active one (or `parent`) for work that makes no spans of its own; `done` ends it with
 * the result (a boolean result is its `resultAttribute`, default `growth.done`) and passes the result on, `failed` ends it with the error
 * and rethrows: use as `.then(span.done, span.failed)`.
 */
export function spanOf(
  name: string,
  attributes: Attributes,
  options: { parent?: Context; resultAttribute?: string } = {},
) {
  const parent = options.parent ?? context.active();
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { attributes }, parent);
  return {
    /** The span's own W3C traceparent (null with tracing off), for work it hands on. */
    traceparent: currentTraceparent(trace.setSpan(parent, span)),
    done<T>(result: T): T {
      if (typeof result === "boolean") span.setAttribute(options.resultAttribute ?? "growth.done", result);
      span.end();
      return result;
    },
    failed(error: unknown): never {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      span.end();
      throw error;
    },
  };
}

/** The W3C `traceparent` of the active span (null when there is none, e.g. tracing off). */
export function currentTraceparent(active: Context = context.active()): string | null {
  if (!trace.getSpanContext(active)) return null;
  const carrier: Record<string, string> = {};
  w3c.inject(active, carrier, {
    set: (c, k, v) => {
      c[k] = v;
    },
  });
  return carrier.traceparent ?? null;
}

/** The context a stored or received `traceparent` continues; the root context when it is absent or malformed. */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return w3c.extract(
    ROOT_CONTEXT,
    { traceparent },
    {
      get: (c, k) => c[k as "traceparent"],
      keys: (c) => Object.keys(c),
    },
  );
}

/** Whether a header value is a well-formed W3C traceparent (version 00, non-zero ids). */
export function isTraceparent(value: string): boolean {
  return trace.getSpanContext(contextFromTraceparent(value)) !== undefined;
}

/** The trace and span ids of the active span, for log lines; empty when none is recording. */
export function logIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  return { trace_id: ids.traceId, span_id: ids.spanId };
}

export { propagation, SpanKind };
