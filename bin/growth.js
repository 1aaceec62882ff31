#!/usr/bin/env node
// Runs the CLI compiled by `npm install` (the `prepare` script builds dist/). With GROWTH_FROM_SOURCE set (the
// test suite sets it, so a spawned CLI never runs a stale build) or with no build at all, it runs the
// TypeScript sources through tsx instead.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/runtime/cli.js", import.meta.url);
let main;
if (!process.env.GROWTH_FROM_SOURCE && existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../runtime/cli.ts"));
}
process.exitCode = await main(process.argv);
