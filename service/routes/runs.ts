import { Hono } from "hono";
import { recentRuns, runById } from "../../runtime/queries/runs.ts";
import { traceOf } from "../../runtime/queries/trace.ts";
import { readQuery } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { RunsQuery } from "../schemas.ts";

/** `GET /v1/runs` and `GET /v1/runs/{id}`: as `growth runs --json`. */
export function runs(deps: ServiceDeps) {
  return new Hono<ServiceEnv>()
    .get("/", async function listRuns(c) {
      return c.json({ runs: await recentRuns(deps.store, readQuery(c, RunsQuery)) });
    })
    .get("/:id", async function getRun(c) {
      return c.json(await runById(deps.store, c.req.param("id")));
    });
}

/** `GET /v1/trace/{correlation-or-run-id}`: as `growth trace --json`. */
export function trace(deps: ServiceDeps) {
  return new Hono<ServiceEnv>().get("/:id", async function getTrace(c) {
    return c.json(await traceOf(deps.store, deps.orchestrator.graph, c.req.param("id")));
  });
}
