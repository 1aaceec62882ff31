import type { AppOptions } from "../../runtime/app.ts";
import { createKey } from "../../runtime/keys/index.ts";
import { createLogger } from "../../runtime/logger.ts";
import type { ServiceLimits } from "../../service/deps.ts";
import { startService } from "../../service/server.ts";
import type { Store } from "../../store/db.ts";
import { FIXTURE_NOW, fixtureStore } from "./fixture.ts";

/**
 * A real `growth serve` on an ephemeral port over the fixture CRM, with one key per role; `runtime` adds to
 * the orchestrator options (an LLM-mode model config, say).
 */
export async function startTestService(limits: Partial<ServiceLimits> = {}, runtime: AppOptions = {}) {
  const fixture = await fixtureStore();
  const keys = {
    viewer: (await createKey(fixture.store.db, { name: "vera", role: "viewer" })).key,
    operator: (await createKey(fixture.store.db, { name: "otto", role: "operator" })).key,
    approver: (await createKey(fixture.store.db, { name: "april", role: "approver" })).key,
    admin: (await createKey(fixture.store.db, { name: "ada", role: "admin" })).key,
  };
  const service = await startService({
    store: fixture.store,
    logger: createLogger({ level: (process.env.GROWTH_TEST_LOG as "silent") ?? "silent" }),
    port: 0,
    limits,
    runtime: { clock: () => FIXTURE_NOW, env: {}, ...runtime },
  });
  const call = (path: string, init: RequestInit & { key?: string | null; json?: unknown } = {}) => {
    const { key = keys.admin, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (key) headers.set("authorization", `Bearer ${key}`);
    if (json !== undefined) headers.set("content-type", "application/json");
    return fetch(`${service.url}${path}`, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? "POST" } : {}),
    });
  };
  return {
    url: service.url,
    store: fixture.store as Store,
    keys,
    call,
    async stop() {
      await service.stop();
      await fixture.cleanup();
    },
  };
}

/** Reads a `text/event-stream` body the way a browser's EventSource does: blank-line separated events. */
export async function readSse(response: Response): Promise<{ event: string; data: unknown }[]> {
  const events: { event: string; data: unknown }[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  const flush = (block: string) => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      if (field === "data") data.push(value);
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join("\n")) as unknown });
  };
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.search(/\r?\n\r?\n/);
    while (cut !== -1) {
      flush(buffer.slice(0, cut));
      buffer = buffer.slice(buffer.slice(cut).match(/^\r?\n\r?\n/)![0].length + cut);
      cut = buffer.search(/\r?\n\r?\n/);
    }
  }
  if (buffer.trim()) flush(buffer);
  return events;
}
