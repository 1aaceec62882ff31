import { Hono } from "hono";
import { loadModelConfig } from "../../models/config.ts";
import { healthReport } from "../../runtime/queries/health.ts";
import { usageReport } from "../../runtime/queries/usage.ts";
import { buildReport, reportJson } from "../../runtime/report/index.ts";
import { reportQuery } from "../../runtime/report/query.ts";
import { reportSeries } from "../../runtime/report/series.ts";
import { readQuery } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { ReportQuery, ReportSeriesQuery, UsageQuery } from "../schemas.ts";

/** `GET /v1/report`: as `growth report --json`, with the same query options; `/series`: win rate and velocity by month. */
export function report(deps: ServiceDeps) {
  return new Hono<ServiceEnv>()
    .get("/", async function getReport(c) {
      const query = reportQuery(readQuery(c, ReportQuery));
      return c.json(reportJson(await buildReport(deps.store.db, query)));
    })
    .get("/series", async function getSeries(c) {
      const { months } = readQuery(c, ReportSeriesQuery);
      return c.json(await reportSeries(deps.store.db, months));
    });
}

/** `GET /v1/usage`: as `growth usage --json`. */
export function usage(deps: ServiceDeps) {
  return new Hono<ServiceEnv>().get("/", async function getUsage(c) {
    return c.json(
      await usageReport(deps.store, readQuery(c, UsageQuery), loadModelConfig(process.env).config.budgets),
    );
  });
}

/** `GET /v1/health`: as `growth health --json`. */
export function health(deps: ServiceDeps) {
  return new Hono<ServiceEnv>().get("/", async function getHealth(c) {
    return c.json(await healthReport(deps.store, deps.orchestrator, deps.models));
  });
}
