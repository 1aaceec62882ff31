import { Hono } from "hono";
import { checkEvents } from "../../runtime/events/check.ts";
import { outcomeJson } from "../../runtime/render.ts";
import { acceptRun } from "../accept.ts";
import { requireRole } from "../auth.ts";
import { readQuery, readRawJson } from "../body.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ServiceEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { EventsQuery } from "../schemas.ts";

/** `POST /v1/events`: one event or an array; 202 with run ids once persisted, a repeat returns the first run. */
export function events(deps: ServiceDeps) {
  return new Hono<ServiceEnv>().post("/", requireRole("operator"), async function postEvents(c) {
    const { wait } = readQuery(c, EventsQuery);
    const body = await readRawJson(c);
    const raws = Array.isArray(body) ? body : [body];
    if (raws.length === 0)
      throw new ApiError(400, "events_empty", "Send one event or a non-empty array of events.");
    const key = c.req.header("idempotency-key")?.trim();
    // The Idempotency-Key stands in for a correlation id, which is what dedupes a repeat delivery.
    const keyed = raws.map((raw, i) =>
      key && raw && typeof raw === "object" && !Array.isArray(raw) && !("correlation_id" in raw)
        ? { ...raw, correlation_id: raws.length > 1 ? `${key}:${i}` : key }
        : raw,
    );
    await checkEvents(deps.store.db, keyed, "api");
    const started = keyed.map((raw) =>
      acceptRun(deps.tasks, (options) => deps.orchestrator.submitEvent(raw, options)),
    );
    const runs = await Promise.all(started.map((s) => s.accepted));
    if (wait === "true") {
      const outcomes = await Promise.all(started.map((s) => s.done));
      return c.json({ runs: outcomes.map(outcomeJson) }, 200);
    }
    return c.json({ runs }, 202);
  });
}
