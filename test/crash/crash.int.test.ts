import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../domain/random.ts";
import { REFERENCE_ANCHOR, seedIfEmpty } from "../../runtime/seed/index.ts";
import { openStore } from "../../store/db.ts";
import { crashFigures } from "./invariants.ts";

const DRIVER = join(import.meta.dirname, "driver.ts");
const SEED = 42;
const KILLS = 31;
const EVENTS_PER_LIFE = 6;

// Where a life may be killed: graph nodes (on entry), the gap inside the effects transaction (after the
// outbox claim, before the touch), and right after an effect commits. Weighted toward points every run hits.
const POINTS: [string, number][] = [
  ["supervisor", 4],
  ["conflict_guard", 3],
  ["approval_gate", 3],
  ["execute_effects", 3],
  ["effects:claimed", 5],
  ["effects:committed", 4],
  ["respond", 3],
  ["deal-closer", 1],
  ["lead-engagement", 1],
  ["marketing-analytics", 1],
  ["opportunity-scout", 1],
];

function pickPoint(random: () => number): string {
  const total = POINTS.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [point, weight] of POINTS) {
    r -= weight;
    if (r < 0) return point;
  }
  return POINTS[0]![0];
}

interface Life {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one driver life; `killAfterMs` kills it from outside that long after it reports ready. */
function life(
  file: string,
  count: number,
  crashAt: string | null,
  killAfterMs: number | null,
): Promise<Life> {
  return new Promise((resolve) => {
    // A lease shorter than a life's start-up: each life resumes what the killed one held, as before ownership.
    const env: NodeJS.ProcessEnv = { ...process.env, GROWTH_LOG_LEVEL: "silent", GROWTH_RUN_LEASE_MS: "300" };
    if (crashAt) env.GROWTH_CRASH_AT = crashAt;
    else delete env.GROWTH_CRASH_AT;
    const child = spawn(process.execPath, ["--import", "tsx", DRIVER, file, String(SEED), String(count)], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killAfterMs !== null && stdout.includes('"ready"')) {
        const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        child.once("exit", () => clearTimeout(timer));
        killAfterMs = null;
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), "growth-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("crash test: SIGKILL at random points, then resume", () => {
  it(`loses no accepted event and repeats no effect across ${KILLS}+ kills`, async () => {
    const file = join(dir, "growth.db");
    const seeding = await openStore(file);
    await seedIfEmpty(seeding, { seed: SEED, now: new Date(REFERENCE_ANCHOR) });
    await seeding.close();

    const random = seededRandom(20261125);
    const killedAt = new Map<string, number>();
    let kills = 0;
    let lives = 0;
    const started = performance.now();
    while (kills < KILLS && lives < KILLS * 2) {
      lives++;
      // One life in five is killed from outside at a random moment; the rest at a chosen point.
      const timed = random() < 0.2;
      const point = timed ? null : `${pickPoint(random)}:${1 + Math.floor(random() * 3)}`;
      const delay = timed ? 100 + Math.floor(random() * 900) : null;
      const result = await life(file, EVENTS_PER_LIFE, point, delay);
      if (result.signal === "SIGKILL") {
        kills++;
        const where = point ? point.slice(0, point.lastIndexOf(":")) : "timer";
        killedAt.set(where, (killedAt.get(where) ?? 0) + 1);
      } else {
        expect(result.code, result.stderr).toBe(0);
      }
    }
    const final = await life(file, 0, null, null);
    expect(final.code, final.stderr).toBe(0);
    const seconds = (performance.now() - started) / 1000;

    const store = await openStore(file);
    const figures = await crashFigures(store);
    await store.close();
    console.log(
      [
        `crash test: ${lives} lives, ${kills} SIGKILLs in ${seconds.toFixed(1)} s`,
        `  killed at: ${[...killedAt.entries()].map(([p, n]) => `${p} ×${n}`).join(", ")}`,
        `  final resume: ${final.stdout.trim().split("\n")[0]}`,
        `  runs by status: ${JSON.stringify(figures.runs)}; accepted requests: ${figures.accepted}`,
        `  events: ${figures.events}, seq gaps: ${figures.seqGaps}; accepted without terminal: ${figures.acceptedWithoutTerminal}`,
        `  outbox: ${figures.outbox} (not sent: ${figures.outboxNotSent}), effect events: ${figures.effectEvents}`,
        `  touches from effects: ${figures.touchesFromEffects} for ${figures.outreachOutbox} outreach keys, duplicates: ${figures.duplicateTouches}, orphan touches: ${figures.touchesWithoutOutbox}`,
        `  leases held: ${figures.leasesHeld}; runs owned: ${figures.runsOwned}; dead letters: ${figures.deadLetters}`,
      ].join("\n"),
    );

    expect(kills).toBeGreaterThanOrEqual(30);
    expect(killedAt.size).toBeGreaterThanOrEqual(6);
    expect(figures.accepted).toBeGreaterThan(50);
    expect(Object.keys(figures.runs)).toEqual(["completed"]);
    expect(figures.acceptedWithoutTerminal).toBe(0);
    expect(figures.runsWithoutAccepted).toBe(0);
    expect(figures.seqGaps).toBe(0);
    expect(figures.outbox).toBeGreaterThan(0);
    expect(figures.outboxNotSent).toBe(0);
    expect(figures.effectEvents).toBe(figures.outbox);
    expect(figures.touchesFromEffects).toBe(figures.outreachOutbox);
    expect(figures.touchesWithoutOutbox).toBe(0);
    expect(figures.duplicateTouches).toBe(0);
    expect(figures.leasesHeld).toBe(0);
    expect(figures.runsOwned).toBe(0);
    // 32+ child processes, each starting Node and the graph: minutes on a loaded 2-core machine.
  }, 900_000);
});
