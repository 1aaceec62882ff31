import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, describe, expect, it } from "vitest";
import { growthAsync } from "../helpers/cli.ts";
import { fixtureStore, leadQualified } from "../helpers/fixture.ts";
import { PG_SKIP_REASON } from "../helpers/pg.ts";
import { FAST_RECOVERY_ENV } from "./cluster.ts";

const describePg = PG_SKIP_REASON ? describe.skip : describe;
const BIN = join(import.meta.dirname, "..", "..", "bin", "growth.js");

/** Waits until the worker prints its metrics URL on stderr. */
function metricsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`no metrics URL within 60 s:\n${seen}`)), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /metrics at (http:\/\/\S+)/.exec(seen)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
}

describePg(`growth worker --metrics-port${PG_SKIP_REASON ? ` — skipped: ${PG_SKIP_REASON}` : ""}`, () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.reverse()) await stop();
    stops.length = 0;
  });

  it("serves Prometheus text whose run and node counters move when the worker executes a run", async () => {
    const fixture = await fixtureStore("postgres");
    stops.push(fixture.cleanup);
    const env = {
      ...process.env,
      GROWTH_LOG_LEVEL: "warn",
      DATABASE_URL: fixture.file,
      ...FAST_RECOVERY_ENV,
    };
    const alerts = join(fixture.dir, "alerts.yaml");
    writeFileSync(
      alerts,
      "interval_seconds: 1\nalerts:\n  - { id: dlq, type: dead_letters_growing, max_open: 0, max_new: 3 }\n",
    );
    const args = ["worker", "--concurrency", "1", "--metrics-port", "0", "--alerts", alerts];
    const worker = spawn(process.execPath, [BIN, ...args], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
    stops.push(async () => {
      if (worker.exitCode === null) worker.kill("SIGKILL");
      await exited;
    });
    const log: string[] = [];
    worker.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    const url = await metricsUrl(worker);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);

    const scrape = async () => {
      const text = await (await fetch(url)).text();
      const families = parsePrometheusTextFormat(text);
      const completed = families
        .find((f) => f.name === "growth_runs")
        ?.metrics.filter((m) => m.labels?.status === "completed")
        .reduce((n, m) => n + Number(m.value ?? 0), 0);
      // Node latencies are observed in the worker's own process, as it executes.
      const nodes = text
        .split("\n")
        .filter((l) => l.startsWith("growth_node_duration_seconds_count{"))
        .reduce((n, l) => n + Number(l.split(" ").pop()), 0);
      return { completed: completed ?? 0, nodes };
    };
    const before = await scrape();
    expect(before).toEqual({ completed: 0, nodes: 0 });

    const file = join(fixture.dir, "event.json");
    writeFileSync(file, JSON.stringify(leadQualified("ana.lopez@acme.com", "crm-metrics-1")));
    const emit = await growthAsync(["emit", file, "--wait", "60"], { env: { DATABASE_URL: fixture.file } });
    expect(emit.code, emit.stderr).toBe(0);

    const after = await scrape();
    expect(after.completed).toBe(1);
    expect(after.nodes).toBeGreaterThan(0);
    // The worker evaluates the alerts file too: its gauge reads the alert, not firing.
    expect(await (await fetch(url)).text(), log.join("")).toMatch(/^growth_alerts_active\{alert="dlq"\} 0$/m);

    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(
      (await growthAsync(["worker", "--metrics-port", "banana"], { env: { DATABASE_URL: fixture.file } }))
        .code,
    ).toBe(2);
  }, 120_000);
});
