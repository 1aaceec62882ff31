import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import { sourcePath } from "../../domain/source-path.ts";

const require = createRequire(import.meta.url);

/** The console's static files: its own script and styles, and Chart.js's UMD build from node_modules. */
function assetFiles(): Record<string, { path: string; type: string }> {
  const own = sourcePath(import.meta.url, "assets");
  const chartDist = dirname(require.resolve("chart.js"));
  return {
    "console.js": { path: join(own, "console.js"), type: "text/javascript; charset=utf-8" },
    "console.css": { path: join(own, "console.css"), type: "text/css; charset=utf-8" },
    "pages.css": { path: join(own, "pages.css"), type: "text/css; charset=utf-8" },
    "chart.umd.min.js": { path: join(chartDist, "chart.umd.min.js"), type: "text/javascript; charset=utf-8" },
  };
}

/** `GET /console/assets/{file}`: served from the package and node_modules, never from a CDN. */
export function assets() {
  const files = assetFiles();
  const cache = new Map<string, Buffer>();
  return new Hono().get("/console/assets/:file", function asset(c) {
    const name = c.req.param("file");
    const file = files[name];
    if (!file)
      return c.json({ error: { code: "not_found", message: `There is no console asset ${name}.` } }, 404);
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(file.path);
      cache.set(name, body);
    }
    return c.body(new Uint8Array(body), 200, { "content-type": file.type, "cache-control": "no-cache" });
  });
}
