import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDeadLetter } from "../store/repos/dead-letters.ts";
import { leadQualified } from "../test/helpers/fixture.ts";
import { startTestService } from "../test/helpers/service.ts";

let svc: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => svc.stop());

const letter = (id: string) =>
  recordDeadLetter(svc.store.db, {
    id,
    runId: `run-${id}`,
    correlationId: `corr-${id}`,
    threadId: "account:initech.com",
    node: "lead-engagement",
    event: { kind: "event", eventId: "", event: leadQualified("ivan.ops@initech.com", `corr-${id}`) },
    state: {},
    error: [{ name: "SystemError", code: "boom", message: "the CRM timed out" }],
    attempts: 3,
    at: new Date(),
  });

describe("/v1/dlq", () => {
  it("lists and shows dead letters to a viewer; only an admin discards, once", async () => {
    await letter("dl-1");
    const listed = (await (await svc.call("/v1/dlq", { key: svc.keys.viewer })).json()) as {
      dead_letters: { id: string; code: string }[];
    };
    expect(listed.dead_letters).toMatchObject([{ id: "dl-1", code: "boom" }]);
    const shown = (await (await svc.call("/v1/dlq/dl-1", { key: svc.keys.viewer })).json()) as {
      error_chain: unknown[];
    };
    expect(shown.error_chain).toHaveLength(1);
    expect((await svc.call("/v1/dlq/dl-1/discard", { key: svc.keys.approver, json: {} })).status).toBe(403);
    const done = await svc.call("/v1/dlq/dl-1/discard", {
      key: svc.keys.admin,
      json: { reason: "duplicate" },
    });
    expect(done.status).toBe(200);
    expect((await svc.call("/v1/dlq/dl-1/discard", { key: svc.keys.admin, json: {} })).status).toBe(409);
    const log = await svc.store.db
      .selectFrom("events")
      .selectAll()
      .where("id", "=", "dead-letter:dl-1:discarded")
      .execute();
    expect(log).toHaveLength(1);
  });

  it("redrives a dead letter as a new run (admin), and says 404 for an unknown one", async () => {
    await letter("dl-2");
    const res = await svc.call("/v1/dlq/dl-2/redrive", { key: svc.keys.admin, method: "POST" });
    expect(res.status).toBe(200);
    const outcome = (await res.json()) as { status: string; route: string[] };
    expect(outcome.route).toContain("lead-engagement");
    const missing = await svc.call("/v1/dlq/nope/redrive", { key: svc.keys.admin, method: "POST" });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("nope");
  });
});
