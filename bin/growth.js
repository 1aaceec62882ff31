#!/usr/bin/env node
// Launches the TypeScript CLI through tsx's ESM loader, so a checkout runs with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../runtime/cli.ts");
process.exitCode = await main(process.argv);
