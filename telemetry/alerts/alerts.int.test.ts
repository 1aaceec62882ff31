import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SystemError } from "../../domain/errors.ts";
import { createKey } from "../../runtime/keys/index.ts";
import { createLogger } from "../../runtime/logger.ts";
import { startService } from "../../service/server.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../../test/helpers/fixture.ts";
import { parseAlerts } from "./config.ts";
import type { AlertTransition } from "./monitor.ts";

/** A webhook receiver on loopback that fails its first `failFirst` requests with a 503. */
async function webhook(failFirst: number) {
  const received: AlertTransition[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests += 1;
      if (requests <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as AlertTransition);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe("SLA alerts in growth serve", () => {
  it("a forced failure raises an alert, the webhook gets it after a retry, and recovery clears it", async () => {
    const hook = await webhook(1);
    cleanups.push(hook.close);
    const fixture = await fixtureStore();
    cleanups.push(fixture.cleanup);
    const admin = (await createKey(fixture.store.db, { name: "ada", role: "admin" })).key;
    const file = parseAlerts(
      ["alerts:", "  - id: dead-letters", "    type: dead_letters_growing", "    max_open: 0", ""].join("\n"),
      "alerts.yaml",
    );
    let failing = true;
    const service = await startService({
      store: fixture.store,
      logger: createLogger({ level: "silent" }),
      port: 0,
      runtime: {
        clock: () => FIXTURE_NOW,
        env: {},
        // The forced failure: lead-engagement's CRM is down (for good, after the node's retries).
        runAgent: async (agent, input, kit) => {
          if (failing && agent.id === "lead-engagement")
            throw new SystemError("crm_down", "The CRM did not answer.");
          return agent.playbook(input, kit);
        },
      },
      alerts: {
        file,
        intervalMs: 100,
        webhook: { url: hook.url, attempts: 3, timeoutMs: 2_000, backoff: { initialMs: 10, maxMs: 20 } },
      },
    });
    cleanups.push(() => service.stop());
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${service.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      });

    const run = await call("/v1/events?wait=true", {
      method: "POST",
      body: JSON.stringify(leadQualified("ana.lopez@acme.com", "corr-alert")),
    });
    expect(run.status).toBe(200);
    await expect.poll(() => hook.received.length, { timeout: 10_000 }).toBe(1);
    expect(hook.requests()).toBe(2); // the first delivery got a 503 and was retried
    expect(hook.received[0]).toMatchObject({
      event: "alert_raised",
      alert: "dead-letters",
      value: 1,
      threshold: 0,
    });
    const health = (await (await call("/v1/health")).json()) as { alerts: { id: string; state: string }[] };
    expect(health.alerts).toEqual([expect.objectContaining({ id: "dead-letters", state: "raised" })]);
    const page = await (await call("/console/view/health")).text();
    expect(page).toContain('data-alert="dead-letters"');
    expect(page).toContain("1 dead letters open (limit 0)");

    // Recovery: the letter is dealt with (discarded), the next check clears the alert.
    failing = false;
    const letters = (await (await call("/v1/dlq")).json()) as
      | { id: string }[]
      | { dead_letters: { id: string }[] };
    const list = Array.isArray(letters) ? letters : letters.dead_letters;
    expect(list).toHaveLength(1);
    expect(
      (await call(`/v1/dlq/${list[0]!.id}/discard`, { method: "POST", body: "{}" })).status,
    ).toBeLessThan(300);
    await expect.poll(() => hook.received.length, { timeout: 10_000 }).toBe(2);
    expect(hook.received[1]).toMatchObject({ event: "alert_cleared", alert: "dead-letters", value: 0 });

    const events = await fixture.store.db
      .selectFrom("events")
      .select(["type", "entity_id"])
      .where("entity_type", "=", "alert")
      .orderBy("seq")
      .execute();
    expect(events).toEqual([
      { type: "alert_raised", entity_id: "dead-letters" },
      { type: "alert_cleared", entity_id: "dead-letters" },
    ]);
    const metrics = await (await call("/metrics")).text();
    expect(metrics).toContain('growth_alerts_active{alert="dead-letters"} 0');
  });
});
