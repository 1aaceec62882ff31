#!/usr/bin/env node
// Runs the CLI compiled by `npm install` (the `prepare` script builds dist/). It runs the TypeScript sources
// through tsx instead with GROWTH_FROM_SOURCE set (the test suite sets it, so a spawned CLI never runs a
// stale build), with no build at all, or when a source file is newer than the build (edited since).
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const compiled = new URL("../dist/runtime/cli.js", import.meta.url);
// Written by `npm run build` after tsc succeeds (an incremental build leaves unchanged outputs untouched).
const stamp = new URL("../dist/.built", import.meta.url);
const SOURCE_DIRS = [
  "agents",
  "graph",
  "prompts",
  "tools",
  "evals",
  "domain",
  "store",
  "models",
  "runtime",
  "service",
  "telemetry",
];

/** The newest modification time of the TypeScript sources the build compiles (a few ms for the tree). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(`${root}${dir}`)) walk(`${root}${dir}`);
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(compiled) || !existsSync(stamp)) return false;
  if (newestSource() <= statSync(stamp).mtimeMs) return true;
  process.stderr.write(
    "growth: the sources changed since the last build; running them through tsx (`npm run build` makes start-up fast again)\n",
  );
  return false;
}

let main;
if (!process.env.GROWTH_FROM_SOURCE && buildIsCurrent()) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../runtime/cli.ts"));
}
process.exitCode = await main(process.argv);
