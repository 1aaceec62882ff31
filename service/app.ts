import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import { authenticate, requireRole } from "./auth.ts";
import { consolePages } from "./console/index.ts";
import type { ServiceDeps } from "./deps.ts";
import type { ServiceEnv } from "./env.ts";
import { ApiError, notFound, onError } from "./errors.ts";
import { langgraph } from "./langgraph/index.ts";
import { rateLimit, StreamSlots } from "./limits.ts";
import { docs } from "./openapi/routes.ts";
import { approvals } from "./routes/approvals.ts";
import { chat } from "./routes/chat.ts";
import { dlq } from "./routes/dlq.ts";
import { events } from "./routes/events.ts";
import { metricsRoute } from "./routes/metrics.ts";
import { probes } from "./routes/probes.ts";
import { health, report, usage } from "./routes/reads.ts";
import { runs, trace } from "./routes/runs.ts";
import { traceRequests } from "./trace-context.ts";

/**
 * The HTTP API: probes, docs and the console's page shells open, everything else behind a key, a role, a rate
 * limit and a body cap.
 */
export function createApp(deps: ServiceDeps, options: { draining?: () => boolean } = {}) {
  const draining = options.draining ?? (() => false);
  const slots = new StreamSlots(deps.limits.streamsPerKey);
  const app = new Hono<ServiceEnv>();
  app.onError(onError((error) => deps.logger.error({ err: error }, "request failed")));
  app.notFound(notFound);
  app.use(traceRequests());
  app.use(
    bodyLimit({
      maxSize: deps.limits.bodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          "body_too_large",
          `The body is over ${deps.limits.bodyBytes} bytes; send less at once.`,
        );
      },
    }),
  );
  app.use(
    timeout(
      deps.limits.requestTimeoutMs,
      () =>
        new HTTPException(504, {
          message: `The request took over ${deps.limits.requestTimeoutMs} ms; an accepted run still completes (see GET /v1/runs).`,
        }),
    ),
  );
  app.route("/", probes(deps, draining));
  app.route("/", docs());

  const secured = [
    authenticate(deps.store.db, deps.clock),
    rateLimit(deps.limits.requestsPerMinute),
  ] as const;
  for (const path of [
    "/v1/*",
    "/console/view/*",
    "/assistants/*",
    "/threads/*",
    "/runs/*",
    "/store/*",
    "/crons/*",
    "/metrics",
  ])
    app.use(path, ...secured);
  app.route("/v1/events", events(deps));
  app.route("/v1/chat", chat(deps, slots));
  app.route("/v1/runs", runs(deps));
  app.route("/v1/trace", trace(deps));
  app.route("/v1/approvals", approvals(deps));
  app.route("/v1/dlq", dlq(deps));
  app.route("/v1/report", report(deps));
  app.route("/v1/usage", usage(deps));
  app.route("/v1/health", health(deps));
  if (deps.metrics) app.route("/metrics", metricsRoute(deps.metrics));
  app.get("/v1/whoami", requireRole("viewer"), (c) => c.json(c.get("key")));
  app.route("/", langgraph(deps, slots));
  // The web console's pages and views; a view reads the API above in process, with the caller's key.
  app.route(
    "/",
    consolePages((request) => Promise.resolve(app.fetch(request)), deps.clock ?? (() => new Date())),
  );
  return app;
}
