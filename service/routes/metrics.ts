import { Hono } from "hono";
import type { Metrics } from "../../telemetry/metrics.ts";
import { requireRole } from "../auth.ts";
import type { ServiceEnv } from "../env.ts";

/** `GET /metrics`: Prometheus text, for any key with the viewer role (a scraper gets its own viewer key). */
export function metricsRoute(metrics: Metrics) {
  return new Hono<ServiceEnv>().get("/", requireRole("viewer"), async function getMetrics(c) {
    return c.body(await metrics.text(), 200, { "content-type": metrics.contentType });
  });
}
