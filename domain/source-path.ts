import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// This file sits one folder below the project root, in the sources (domain/) or in the build (dist/domain/).
const here = fileURLToPath(import.meta.url);
const compiled = here.endsWith(".js");
const buildRoot = resolve(dirname(here), "..");
const projectRoot = compiled ? dirname(buildRoot) : buildRoot;

/**
 * The path of a file the sources keep beside a module (prompts, datasets, recordings), resolved against the
 * source tree even when the module runs compiled from dist/, so data files are never copied or split.
 */
export function sourcePath(moduleUrl: string, relativePath: string): string {
  const file = fileURLToPath(new URL(relativePath, moduleUrl));
  return compiled ? join(projectRoot, relative(buildRoot, file)) : file;
}
