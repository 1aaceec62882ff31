import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { UserError } from "../../domain/errors.ts";
import {
  claimRun,
  heartbeatRuns,
  heldByOther,
  releaseOwnerRuns,
  releaseRun,
} from "../../store/repos/run-owners.ts";
import { heartbeatWorker, registerWorker, removeWorker } from "../../store/repos/workers.ts";
import type { Database } from "../../store/schema.ts";

/** The default lease on a run: a killed owner's runs are taken over this long after its last heartbeat. */
export const DEFAULT_RUN_LEASE_MS = 30_000;

/** How a process holds runs: the lease length and how often it is renewed (a third of the lease by default). */
export interface OwnershipSettings {
  readonly leaseMs: number;
  readonly heartbeatMs: number;
}

/** Options of a `RunOwner`. */
export interface RunOwnerOptions extends Partial<OwnershipSettings> {
  /** The owner id; defaults to `newOwnerId()`. */
  readonly id?: string;
  /** What the process is, for `growth workers`: `serve`, `schedule`, `worker`, `cli`, … */
  readonly role?: string;
  /** Wall-clock time for leases (never a run's business clock); tests move it. */
  readonly clock?: () => Date;
  readonly logger?: Logger;
}

/** A fresh owner id for this process: host, pid and a random suffix (a restarted pid is a new owner). */
export function newOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/**
 * The lease settings the environment asks for: `GROWTH_RUN_LEASE_MS` (default 30 s, at least 100 ms) and
 * `GROWTH_RUN_HEARTBEAT_MS` (default a third of the lease, shorter than it); a bad value fails at start-up.
 */
export function ownershipSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): OwnershipSettings {
  const leaseMs = whole(env.GROWTH_RUN_LEASE_MS, "GROWTH_RUN_LEASE_MS") ?? DEFAULT_RUN_LEASE_MS;
  if (leaseMs < 100)
    throw new UserError(
      "run_lease_invalid",
      `GROWTH_RUN_LEASE_MS must be at least 100 (ms), not ${leaseMs}.`,
    );
  const heartbeatMs =
    whole(env.GROWTH_RUN_HEARTBEAT_MS, "GROWTH_RUN_HEARTBEAT_MS") ?? Math.floor(leaseMs / 3);
  if (heartbeatMs < 10 || heartbeatMs >= leaseMs)
    throw new UserError(
      "run_heartbeat_invalid",
      `GROWTH_RUN_HEARTBEAT_MS must be at least 10 and shorter than the lease (${leaseMs} ms), not ${heartbeatMs}.`,
    );
  return { leaseMs, heartbeatMs };
}

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n))
    throw new UserError("setting_invalid", `${name} takes a whole number of milliseconds, not "${value}".`);
  return n;
}

/**
 * One process's hold on runs: it claims a run before executing it (refused while a live owner holds it),
 * heartbeats every run it holds on an unref'd timer (running only while it holds runs, or from `start()`
 * until `stop()` for long-lived processes, which also register in `workers`), and releases them.
 */
export class RunOwner {
  readonly id: string;
  private role: string;
  readonly leaseMs: number;
  readonly heartbeatMs: number;
  private readonly clock: () => Date;
  /** Runs held, with how many nested claims of this process hold each (released in the store at zero). */
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private registered = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: RunOwnerOptions = {},
  ) {
    const settings = options.leaseMs === undefined ? ownershipSettings() : null;
    this.id = options.id ?? newOwnerId();
    this.role = options.role ?? "cli";
    this.leaseMs = options.leaseMs ?? settings!.leaseMs;
    this.heartbeatMs = options.heartbeatMs ?? settings?.heartbeatMs ?? Math.floor(this.leaseMs / 3);
    if (this.heartbeatMs <= 0 || this.heartbeatMs >= this.leaseMs)
      throw new UserError("run_heartbeat_invalid", "The run heartbeat must be shorter than the lease.");
    this.clock = options.clock ?? (() => new Date());
  }

  /** Registers the process in `workers` (as `role`: serve, schedule, worker) and heartbeats until `stop()`. */
  async start(role: string = this.role): Promise<void> {
    this.role = role;
    await registerWorker(this.db, {
      id: this.id,
      role: this.role,
      host: hostname(),
      pid: process.pid,
      leaseMs: this.leaseMs,
      now: this.clock(),
    });
    this.registered = true;
    this.ensureTimer();
  }

  /** Takes a run for this process; false while another live owner holds it (or it is finished). */
  async claim(runId: string): Promise<boolean> {
    const claimed = await claimRun(this.db, runId, this.id, this.leaseMs, this.clock());
    if (claimed) this.adopt(runId);
    return claimed;
  }

  /**
   * Claims a run inside the caller's transaction (intake: a run is owned from the moment it is accepted);
   * once that transaction commits, `adopt` it so this process heartbeats and releases it.
   */
  async claimIn(trx: Kysely<Database>, runId: string): Promise<boolean> {
    return claimRun(trx, runId, this.id, this.leaseMs, this.clock());
  }

  /** Counts a run claimed by `claimIn` (after its transaction committed) as held by this process. */
  adopt(runId: string): void {
    this.held.set(runId, (this.held.get(runId) ?? 0) + 1);
    this.ensureTimer();
  }

  /** Whether this process holds a run now (accepted here and not yet finished, or being resumed here). */
  holds(runId: string): boolean {
    return this.held.has(runId);
  }

  /** Who else holds a run right now, if a live owner does: what a refused claim reports. */
  async holderOf(runId: string): Promise<{ ownerId: string; leaseExpiresAt: Date } | null> {
    return heldByOther(this.db, runId, this.id, this.clock());
  }

  /** Gives a run up (finished, parked or paused at an approval) once every nested claim of it is released. */
  async release(runId: string): Promise<void> {
    const count = this.held.get(runId) ?? 0;
    if (count > 1) {
      this.held.set(runId, count - 1);
      return;
    }
    this.held.delete(runId);
    await releaseRun(this.db, runId, this.id);
    if (this.held.size === 0 && !this.registered) this.clearTimer();
  }

  /** The runs this process holds now. */
  holding(): readonly string[] {
    return [...this.held.keys()];
  }

  /** Extends the lease of every run held (and the process's own registration); errors are logged, not thrown. */
  async heartbeat(): Promise<void> {
    const now = this.clock();
    try {
      if (this.held.size > 0) await heartbeatRuns(this.db, this.id, this.leaseMs, now);
      if (this.registered && !(await heartbeatWorker(this.db, this.id, this.leaseMs, now)))
        await this.start(); // pruned as dead while paused (a long GC, a suspended laptop): register again
    } catch (error) {
      this.options.logger?.warn({ err: error, owner: this.id }, "run heartbeat failed");
    }
  }

  /** Stops heartbeating, releases every run still held and removes the registration (a clean shutdown). */
  async stop(): Promise<void> {
    this.clearTimer();
    // Nothing held: no write at all (a command that only read, on a read-only store, must not fail here).
    if (this.held.size > 0) await releaseOwnerRuns(this.db, this.id);
    this.held.clear();
    if (this.registered) await removeWorker(this.db, this.id);
    this.registered = false;
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
