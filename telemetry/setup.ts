import { context, propagation, trace } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { tracingWanted } from "./tracing.ts";

/** Most finished spans waiting for export; beyond it spans are dropped (and counted), never waited for. */
export const SPAN_QUEUE_LIMIT = 2_048;

/** A running tracer provider: spans dropped so far, and a flush-and-stop that unregisters it. */
export interface Tracing {
  /** Spans dropped because the queue was full or their export failed (endpoint down, timeout). */
  dropped(): number;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Starts tracing when the environment asks for it (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`), or
 * with the given exporter (tests). Returns null when tracing stays off: then every span is the API's no-op.
 * Export is batched through a bounded queue with a short timeout, so a dead endpoint never slows a run.
 */
export function startTracing(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { exporter?: SpanExporter; batch?: boolean } = {},
): Tracing | null {
  if (!options.exporter && !tracingWanted(env)) return null;
  const counted = new CountingExporter(
    options.exporter ??
      new OTLPTraceExporter({ url: tracesUrl(env), timeoutMillis: 5_000, concurrencyLimit: 4 }),
  );
  const inner =
    options.batch === false
      ? new SimpleSpanProcessor(counted)
      : new BatchSpanProcessor(counted, {
          maxQueueSize: SPAN_QUEUE_LIMIT,
          maxExportBatchSize: 512,
          scheduledDelayMillis: 1_000,
          exportTimeoutMillis: 5_000,
        });
  const processor = new BoundedProcessor(inner, counted);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? "growth-engine" }),
    spanProcessors: [processor],
  });
  // Registers the provider, the AsyncLocalStorage context manager and the W3C propagator globally.
  provider.register();
  return {
    dropped: () => counted.dropped,
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Where OTLP/HTTP traces go: the signal's own endpoint as given, else `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
function tracesUrl(env: Readonly<Record<string, string | undefined>>): string {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "http://localhost:4318").replace(/\/+$/, "")}/v1/traces`;
}

/** Counts spans in flight and spans whose export failed. */
class CountingExporter implements SpanExporter {
  dropped = 0;
  queued = 0;
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.queued = Math.max(0, this.queued - spans.length);
    this.inner.export(spans, (result) => {
      if (result.code !== ExportResultCode.SUCCESS) this.dropped += spans.length;
      done(result);
    });
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** Drops (and counts) a finished span once the export queue is full, instead of letting it grow. */
class BoundedProcessor implements SpanProcessor {
  constructor(
    private readonly inner: SpanProcessor,
    private readonly counts: CountingExporter,
  ) {}
  onStart(...args: Parameters<SpanProcessor["onStart"]>): void {
    this.inner.onStart(...args);
  }
  onEnd(span: ReadableSpan): void {
    if (this.counts.queued >= SPAN_QUEUE_LIMIT) {
      this.counts.dropped += 1;
      return;
    }
    this.counts.queued += 1;
    this.inner.onEnd(span);
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}
