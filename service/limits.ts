import type { MiddlewareHandler } from "hono";
import type { ServiceEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

/** A token bucket per key: `perMinute` requests, refilled evenly; past it, 429 with Retry-After. */
export function rateLimit(perMinute: number, now: () => number = Date.now): MiddlewareHandler<ServiceEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return async function limitRate(c, next) {
    const id = c.get("key").id;
    const t = now();
    const bucket = buckets.get(id) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(id, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new ApiError(
        429,
        "rate_limited",
        `Key "${c.get("key").name}" is past ${perMinute} requests a minute; retry in ${retryAfter}s.`,
        { "Retry-After": String(retryAfter) },
      );
    }
    bucket.tokens -= 1;
    await next();
  };
}

/** Counts the chat streams each key holds open; past `perKey`, a new one is refused with 429. */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perKey: number) {}

  /** Takes a slot for `keyId` or throws 429; call the returned function once the stream ends. */
  acquire(keyId: string, keyName: string): () => void {
    const n = this.open.get(keyId) ?? 0;
    if (n >= this.perKey)
      throw new ApiError(
        429,
        "streams_exhausted",
        `Key "${keyName}" already holds ${n} open streams (at most ${this.perKey}); close one first.`,
        { "Retry-After": "1" },
      );
    this.open.set(keyId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open.set(keyId, (this.open.get(keyId) ?? 1) - 1);
    };
  }
}
