import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../domain/errors.ts";
import { createKey, revokeKey } from "../runtime/keys/index.ts";
import { createLogger } from "../runtime/logger.ts";
import { openStore, type Store } from "../store/db.ts";
import { startService } from "./server.ts";

let store: Store | undefined;
afterEach(async () => store?.close());

describe("startService", () => {
  it("refuses a non-loopback host while no API key exists, and says how to fix it", async () => {
    store = await openStore(":memory:");
    const start = startService({
      store,
      logger: createLogger({ level: "silent" }),
      host: "0.0.0.0",
      port: 0,
    });
    await expect(start).rejects.toBeInstanceOf(UserError);
    await expect(start).rejects.toThrow(/no API key exists.*growth keys create/);
  });

  it("counts only keys that still work: a revoked or expired key is no key", async () => {
    store = await openStore(":memory:");
    const past = new Date(Date.now() - 3 * 86_400_000);
    await createKey(store.db, { name: "old", role: "admin", expiresInDays: 1 }, past);
    await createKey(store.db, { name: "gone", role: "admin" });
    await revokeKey(store.db, "gone");
    const start = startService({
      store,
      logger: createLogger({ level: "silent" }),
      host: "0.0.0.0",
      port: 0,
    });
    await expect(start).rejects.toThrow(/no API key exists/);
  });

  it("listens on a non-loopback host once a key exists", async () => {
    store = await openStore(":memory:");
    await createKey(store.db, { name: "ada", role: "admin" });
    const service = await startService({
      store,
      logger: createLogger({ level: "silent" }),
      host: "0.0.0.0",
      port: 0,
      runtime: { env: {} },
    });
    expect(service.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    await service.stop();
  });
});
