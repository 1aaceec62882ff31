import { Hono } from "hono";
import { storeReadiness } from "../../store/readiness.ts";
import type { ServiceDeps } from "../deps.ts";

/** `GET /healthz` (the process is up) and `GET /readyz` (the store answers and its migrations are current). */
export function probes(deps: ServiceDeps, draining: () => boolean) {
  return new Hono()
    .get("/healthz", function healthz(c) {
      return c.json({ status: "ok" });
    })
    .get("/readyz", async function readyz(c) {
      if (draining()) return c.json({ status: "draining", reason: "the server is shutting down" }, 503);
      const { ready, reason } = await storeReadiness(deps.store);
      return ready ? c.json({ status: "ready" }) : c.json({ status: "not_ready", reason }, 503);
    });
}
