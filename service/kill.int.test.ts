import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createKey } from "../runtime/keys/index.ts";
import { openStore } from "../store/db.ts";
import { fixtureStore, leadQualified } from "../test/helpers/fixture.ts";

const BIN = join(import.meta.dirname, "..", "bin", "growth.js");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

/** The environment without model keys, so the child runs in playbook mode. */
function playbookEnv(): NodeJS.ProcessEnv {
  // A short run lease: a killed server's runs are taken over by the next one a second after its last heartbeat.
  const env: NodeJS.ProcessEnv = { ...process.env, GROWTH_LOG_LEVEL: "silent", GROWTH_RUN_LEASE_MS: "1000" };
  for (const name of ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GROWTH_MODEL"]) delete env[name];
  return env;
}

/** Starts the real `growth serve` in its own process; resolves with its URL once it listens. */
function serve(file: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, "--db", file, "serve", "--port", "0"], {
    env: playbookEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, exited });
    });
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("exit", (code) =>
      reject(new Error(`growth serve exited with ${code} before listening: ${out}${err}`)),
    );
  });
}

async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting for the runs to complete");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("growth serve killed with SIGKILL while requests are in flight", () => {
  it("loses no accepted event: a restart resumes every accepted run to completion, once, and SIGTERM exits 0", async () => {
    const fixture = await fixtureStore();
    const { key } = await createKey(fixture.store.db, { name: "ops", role: "operator" });
    await fixture.store.close();
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };

    const first = await serve(fixture.file);
    // Ten events on one account thread run one after another, so most are still queued when the kill comes.
    const posts = Array.from({ length: 10 }, (_, i) =>
      fetch(`${first.url}/v1/events`, {
        method: "POST",
        headers,
        body: JSON.stringify(leadQualified("ana.lopez@acme.com", `kill-${i}`)),
      }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { runs: { run_id: string }[] },
      })),
    );
    const answered = await Promise.all(posts);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(answered.every((a) => a.status === 202)).toBe(true);
    const accepted = answered.map((a) => a.body.runs[0]!.run_id);

    const killed = await openStore(fixture.file);
    const atKill = await killed.db
      .selectFrom("runs")
      .select(["id", "status"])
      .where("id", "in", accepted)
      .execute();
    await killed.close();
    expect(atKill).toHaveLength(10);
    expect(atKill.filter((r) => r.status !== "completed").length).toBeGreaterThan(0);

    const second = await serve(fixture.file);
    const deadline = Date.now() + 60_000;
    let statuses: string[] = [];
    while (Date.now() < deadline) {
      statuses = await Promise.all(
        accepted.map(async (id) => {
          const res = await fetch(`${second.url}/v1/runs/${id}`, { headers });
          return ((await res.json()) as { status: string }).status;
        }),
      );
      if (statuses.every((s) => s === "completed")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(statuses).toEqual(Array(10).fill("completed"));

    // SIGTERM with runs queued: the server stops accepting, drains at a step boundary and exits 0; the next
    // start finishes what was accepted.
    const more = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetch(`${second.url}/v1/events`, {
          method: "POST",
          headers,
          body: JSON.stringify(leadQualified("ana.lopez@acme.com", `term-${i}`)),
        }).then(async (res) => ((await res.json()) as { runs: { run_id: string }[] }).runs[0]!.run_id),
      ),
    );
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const third = await serve(fixture.file);
    await until(async () => {
      const all = await Promise.all(
        more.map(
          async (id) =>
            ((await (await fetch(`${third.url}/v1/runs/${id}`, { headers })).json()) as { status: string })
              .status,
        ),
      );
      return all.every((s) => s === "completed");
    });
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);

    const store = await openStore(fixture.file);
    // One run per delivered event (its request key), however many processes saw it.
    const keys = Array.from({ length: 10 }, (_, i) => `event:kill-${i}`);
    const runs = await store.db
      .selectFrom("runs")
      .select("request_key")
      .where("request_key", "in", keys)
      .execute();
    expect(runs.map((r) => r.request_key).sort()).toEqual([...keys].sort());
    const accepts = await store.db
      .selectFrom("events")
      .select("id")
      .where(
        "id",
        "in",
        accepted.map((id) => `${id}:accepted`),
      )
      .execute();
    expect(accepts).toHaveLength(10);
    await store.close();
    await fixture.cleanup().catch(() => undefined);
  }, 240_000);
});
