import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LLMock } from "@copilotkit/aimock";
import type { ServedBy } from "../../agents/llm/runner.ts";
import type { AgentId } from "../../domain/agents.ts";
import type { ApprovalPolicy } from "../../graph/approval-policy.ts";
import { loadModelConfig } from "../../models/config.ts";
import type { ResilienceOptions } from "../../models/resilience.ts";
import { createApp } from "../../runtime/app.ts";
import { createLogger } from "../../runtime/logger.ts";
import { MOCK_PRICES } from "../contract/harness.ts";
import { FIXTURE_NOW, fixtureStore } from "../helpers/fixture.ts";

/** The app in LLM mode over the fixture store, with the real SDK clients pointed at aimock on loopback. */
export async function startLlmApp(
  options: {
    env?: Record<string, string>;
    approvalPolicy?: ApprovalPolicy;
    resilience?: Partial<ResilienceOptions>;
  } = {},
) {
  const mock = new LLMock({ port: 0, host: "127.0.0.1" });
  await mock.start();
  const fixture = await fixtureStore();
  const file = join(fixture.dir, "models.json");
  writeFileSync(file, JSON.stringify({ prices: MOCK_PRICES, maxSteps: 4 }));
  const { config, notice } = loadModelConfig({
    GROWTH_MODEL: "openai:mock-gpt",
    GROWTH_FALLBACK_MODEL: "anthropic:mock-claude",
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: `${mock.url}/v1`,
    ANTHROPIC_API_KEY: "test-key",
    ANTHROPIC_BASE_URL: mock.url,
    GROWTH_MODELS_FILE: file,
    GROWTH_LLM_TIMEOUT_MS: "5000",
    GROWTH_LLM_MAX_ATTEMPTS: "2",
    ...options.env,
  });
  const tokens: { agent: AgentId; token: string }[] = [];
  const served: { agent: AgentId; by: ServedBy }[] = [];
  const steps: string[] = [];
  const { orchestrator, models, flush } = createApp(fixture.store, createLogger({ level: "silent" }), {
    modelConfig: config,
    resilience: options.resilience ?? {
      backoff: { initialMs: 5, maxMs: 20, maxRetryAfterMs: 5_000 },
      breaker: { failures: 5, halfOpenAfterMs: 60_000 },
    },
    clock: () => FIXTURE_NOW,
    onToken: (agent, token) => tokens.push({ agent, token }),
    onServed: (agent, by) => served.push({ agent, by }),
    onStep: ({ node }) => steps.push(node),
    ...(options.approvalPolicy ? { approvalPolicy: options.approvalPolicy } : {}),
  });
  const db = fixture.store.db;
  return {
    mock,
    store: fixture.store,
    db,
    orchestrator,
    models,
    /** Waits for breaker and budget state still being written to the store. */
    flush,
    notice,
    tokens,
    served,
    steps,
    outbox: () => db.selectFrom("outbox").selectAll().execute(),
    touchesTo: (email: string) =>
      db
        .selectFrom("touches")
        .selectAll()
        .where("contact_email", "=", email)
        .where("idempotency_key", "is not", null)
        .execute(),
    /** The run's events of one type, payloads parsed. */
    async events(correlationId: string, type: string) {
      const rows = await db
        .selectFrom("events")
        .select(["type", "source", "payload"])
        .where("correlation_id", "=", correlationId)
        .where("type", "=", type)
        .orderBy("seq")
        .execute();
      return rows.map((r) => ({
        source: r.source,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
      }));
    },
    async stop() {
      await mock.stop();
      await fixture.cleanup();
    },
  };
}

/** A `submit_result` answer for lead-engagement with the given proposals and an empty artefact. */
export function submission(summary: string, proposals: unknown[]) {
  return {
    summary,
    artefact: { lead: null, context: null, sequence: null, existingSequence: null, refusal: null },
    proposals,
  };
}

/** A first touch by email, as a model would propose it. */
export function touch(email: string, domain: string | null) {
  return {
    type: "send_touch",
    contactEmail: email,
    accountDomain: domain,
    channel: "email",
    play: "sequence",
    templateId: "bd-intro",
    subject: "Quick idea",
    body: "Hi, a short note about your pipeline.",
    rationale: "Qualified lead.",
  };
}
