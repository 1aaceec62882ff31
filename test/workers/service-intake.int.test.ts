import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RUN_QUEUE } from "../../store/queue/job.ts";
import { leadQualified } from "../helpers/fixture.ts";
import { PG_SKIP_REASON } from "../helpers/pg.ts";
import { startTestService } from "../helpers/service.ts";

const describePg = PG_SKIP_REASON ? describe.skip : describe;

describePg(`POST /v1/events on PostgreSQL${PG_SKIP_REASON ? ` — skipped: ${PG_SKIP_REASON}` : ""}`, () => {
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await stop?.();
    stop = null;
    vi.unstubAllEnvs();
  });

  it("accepts the event with its run and a held-back job in one transaction, and runs it in the service", async () => {
    vi.stubEnv("GROWTH_TEST_DIALECT", "postgres");
    const service = await startTestService();
    stop = service.stop;
    const response = await service.call("/v1/events", { json: leadQualified("dana@acme.com", "svc-1") });
    expect(response.status).toBe(202);
    const { runs } = (await response.json()) as { runs: { run_id: string }[] };
    const runId = runs[0]?.run_id ?? "";
    const jobs = await sql<{ data: { runId: string }; held: boolean }>`
      select data, start_after > now() as held from pgboss.job where name = ${RUN_QUEUE}`.execute(
      service.store.db,
    );
    expect(jobs.rows).toEqual([{ data: expect.objectContaining({ runId }), held: true }]);
    const end = Date.now() + 30_000;
    let status = "queued";
    while (Date.now() < end && (status === "queued" || status === "running")) {
      await new Promise((r) => setTimeout(r, 100));
      const run = await service.store.db
        .selectFrom("runs")
        .select("status")
        .where("id", "=", runId)
        .executeTakeFirst();
      status = run?.status ?? "missing";
    }
    expect(status).toBe("completed");
  });
});
