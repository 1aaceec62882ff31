import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../domain/errors.ts";
import { createApp } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { FIXTURE_NOW, fixtureStore, leadQualified } from "../helpers/fixture.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const silent = createLogger({ level: "silent" });

describe("no keys set", () => {
  it("builds playbook mode: the matcher routes, playbooks run, nothing reaches the ledger", async () => {
    const fixture = await fixtureStore();
    cleanup = fixture.cleanup;
    const { orchestrator, models } = createApp(fixture.store, silent, { env: {}, clock: () => FIXTURE_NOW });

    expect(models).toMatchObject({ mode: "playbook", registry: null, runAgent: null });
    const outcome = await orchestrator.submitEvent(leadQualified("ana.lopez@acme.com", "corr-pb"));
    expect(outcome.status).toBe("completed");
    expect(await fixture.store.db.selectFrom("outbox").select("status").execute()).toEqual([
      { status: "sent" },
    ]);
    const done = await fixture.store.db
      .selectFrom("events")
      .select("payload")
      .where("type", "=", "agent_completed")
      .where("correlation_id", "=", "corr-pb")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(done.payload).servedBy).toEqual({ path: "playbook", model: "playbook", reason: null });
    expect(await fixture.store.db.selectFrom("llm_calls").selectAll().execute()).toEqual([]);

    const chat = await orchestrator.chat("Start an outreach sequence for ana.lopez@acme.com", "c1");
    expect(chat.route).toEqual(["lead-engagement"]);
  });

  it("refuses an invalid model config with a UserError before anything runs", async () => {
    const fixture = await fixtureStore();
    cleanup = fixture.cleanup;
    const build = () => createApp(fixture.store, silent, { env: { GROWTH_MODEL: "gpt-4o" } });
    expect(build).toThrow(UserError);
    expect(build).toThrow(/GROWTH_MODEL="gpt-4o" is not a model/);
    expect(() =>
      createApp(fixture.store, silent, { env: { GROWTH_MODEL: "anthropic:claude-haiku-4-5" } }),
    ).toThrow(/needs ANTHROPIC_API_KEY/);
    expect(await fixture.store.db.selectFrom("runs").selectAll().execute()).toEqual([]);
  });

  it("builds LLM mode from a key alone, without calling anyone", async () => {
    const fixture = await fixtureStore();
    cleanup = fixture.cleanup;
    const { models } = createApp(fixture.store, silent, { env: { OPENAI_API_KEY: "sk-test" } });
    expect(models.mode).toBe("llm");
    expect(models.description).toBe("LLM mode: openai:gpt-4o-mini, routing by openai:gpt-4o-mini");
    expect(models.registry?.forAgent("deal-closer").primary?.model).toBe("gpt-4o-mini");
  });
});
