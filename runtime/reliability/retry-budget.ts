/** Options for a retry budget: how many retries may burst, and how fast the allowance comes back. */
export interface RetryBudgetOptions {
  /** Most retries allowed in a burst (the bucket's size). */
  capacity: number;
  /** Retries regained per second. */
  refillPerSecond: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
  /** A saved state (`snapshot()` of an earlier budget, maybe another process's) to start from. */
  initial?: unknown;
}

/** What a budget saves: tokens left at a time (ms since the epoch). */
export interface RetryBudgetSnapshot {
  readonly tokens: number;
  readonly at: number;
}

/** A token bucket of retries: each retry takes a token, so a failing dependency cannot multiply load. */
export class RetryBudget {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;

  constructor(options: RetryBudgetOptions) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond >= 0)) {
      throw new Error("A retry budget needs capacity ≥ 1 and refillPerSecond ≥ 0.");
    }
    this.capacity = options.capacity;
    this.refillPerMs = options.refillPerSecond / 1000;
    this.now = options.now ?? Date.now;
    this.tokens = options.capacity;
    this.last = this.now();
    const saved = options.initial as Partial<RetryBudgetSnapshot> | undefined;
    if (saved && typeof saved.tokens === "number" && typeof saved.at === "number") {
      this.tokens = Math.min(this.capacity, Math.max(0, saved.tokens));
      this.last = Math.min(saved.at, this.last);
    }
  }

  /** The state to save, so another process starts from it. */
  snapshot(): RetryBudgetSnapshot {
    this.refill();
    return { tokens: this.tokens, at: this.last };
  }

  /** Takes one retry token; false when the budget is spent (the caller must not retry). */
  tryWithdraw(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole retries available right now. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  /** The bucket's size. */
  size(): number {
    return this.capacity;
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (at - this.last) * this.refillPerMs);
    this.last = at;
  }
}
