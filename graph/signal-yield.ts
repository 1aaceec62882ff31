import { setImmediate as tick } from "node:timers/promises";

/**
 * Wraps a node so it first yields to the event loop. The store is synchronous, so without this a run
 * never lets a SIGTERM handler run until it ends; with it, a drain asked for mid-run takes effect at the
 * next superstep boundary (LangGraph's RunControl does the stopping).
 */
export function withSignalYield<A extends unknown[], R>(
  enabled: boolean,
  node: (...args: A) => R | Promise<R>,
): (...args: A) => R | Promise<R> {
  if (!enabled) return node;
  return async function signalYieldNode(...args: A): Promise<R> {
    await tick();
    return node(...args);
  };
}
