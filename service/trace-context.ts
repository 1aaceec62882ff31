import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { TRACER_NAME } from "../telemetry/tracing.ts";
import type { ServiceEnv } from "./env.ts";

/**
 * One server span per request, continuing the caller's W3C `traceparent` (a malformed one starts a new trace);
 * runs the request accepts store the active trace context, so they and their follow-ups join this trace.
 */
export function traceRequests(): MiddlewareHandler<ServiceEnv> {
  return async function traceRequest(c, next) {
    const headers = { traceparent: c.req.header("traceparent"), tracestate: c.req.header("tracestate") };
    const parent = propagation.extract(context.active(), headers, {
      get: (carrier, key) => carrier[key as keyof typeof carrier],
      keys: (carrier) => Object.keys(carrier),
    });
    const tracer = trace.getTracer(TRACER_NAME);
    const span = tracer.startSpan(
      `${c.req.method} ${c.req.path}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": c.req.method, "url.path": c.req.path } },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), () => next());
      span.setAttributes({ "http.response.status_code": c.res.status, "http.route": routePath(c) });
      if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    } finally {
      span.end();
    }
  };
}
