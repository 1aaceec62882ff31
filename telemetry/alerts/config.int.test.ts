import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { growthInProcess } from "../../test/helpers/cli.ts";
import { parseAlerts } from "./config.ts";

const GOOD = `interval_seconds: 30
webhook:
  url: http://127.0.0.1:9/hook
alerts:
  - id: latency
    type: agent_p95_latency
    agent: lead-engagement
    max_ms: 20000
  - id: errors
    type: error_rate
    max_rate: 0.2
  - id: letters
    type: dead_letters_growing
    max_new: 3
  - id: approvals
    type: approvals_waiting
    max_hours: 4
  - id: review
    type: play_missed_slot
    play: daily-pipeline-review
  - id: budget
    type: budget_nearly_spent
`;

const message = (text: string) => {
  try {
    parseAlerts(text, "alerts.yaml");
  } catch (error) {
    return (error as Error).message;
  }
  return "parsed";
};

describe("the alerts file", () => {
  it("reads every alert type with its defaults", () => {
    const file = parseAlerts(GOOD, "alerts.yaml");
    expect(file.interval_seconds).toBe(30);
    expect(file.webhook).toEqual({ url: "http://127.0.0.1:9/hook", attempts: 4, timeout_ms: 5_000 });
    expect(file.alerts.map((a) => a.type)).toEqual([
      "agent_p95_latency",
      "error_rate",
      "dead_letters_growing",
      "approvals_waiting",
      "play_missed_slot",
      "budget_nearly_spent",
    ]);
    expect(file.alerts[0]).toMatchObject({ window_minutes: 60, min_samples: 5 });
    expect(file.alerts[5]).toMatchObject({ at_ratio: 0.9 });
  });

  it("names the file, the line and the field of a bad value, a bad key and a syntax error", () => {
    expect(message(GOOD.replace("max_rate: 0.2", "max_rate: 2"))).toMatch(
      /alerts\.yaml:11: alerts\.1\.max_rate: /,
    );
    const renamed = message(GOOD.replace("    max_hours: 4", "    max_hour: 4"));
    expect(message(GOOD.replace("    max_rate: 0.2", "    max_rate: 0.2\n    colour: red"))).toMatch(
      /alerts\.yaml:12: alerts\.1\.colour: Unrecognized key/,
    );
    expect(renamed).toMatch(/alerts\.yaml:15: alerts\.3\.max_hours: .*expected number/); // missing: its item's line
    expect(message(GOOD.replace("play: daily-pipeline-review", "play: nightly"))).toMatch(
      /alerts\.yaml:20: alerts\.4\.play: Invalid option/,
    );
    expect(message(GOOD.replace("id: errors", "id: latency"))).toMatch(
      /alerts\.yaml:9: alerts\.1\.id: id "latency" is used twice/,
    );
    expect(message("alerts:\n  - id: x\n    type: [oops\n")).toMatch(/^alerts\.yaml:\d+: /);
  });

  it("a malformed file makes `growth health` and `growth serve` exit 2, naming the file, line and field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "alerts-"));
    const path = join(dir, "alerts.yaml");
    writeFileSync(path, GOOD.replace("max_ms: 20000", "max_ms: fast"));
    const db = join(dir, "store.db");
    expect((await growthInProcess(["--db", db, "seed"])).code).toBe(0);
    const health = await growthInProcess(["--db", db, "health", "--alerts", path]);
    expect(health.code).toBe(2);
    expect(health.stderr).toContain(`${path}:8: alerts.0.max_ms: `);
    const serve = await growthInProcess(["--db", db, "serve", "--port", "0"], {
      env: { GROWTH_ALERTS_FILE: path },
    });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain(`${path}:8: alerts.0.max_ms: `);
  });
});
