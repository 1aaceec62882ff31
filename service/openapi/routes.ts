import { Hono } from "hono";
import { html } from "hono/html";
import { openApiDocument } from "./document.ts";
import { OPERATIONS } from "./table.ts";

/** `GET /openapi.json` and a readable `GET /docs` page built from the same table; both open without a key. */
export function docs() {
  const document = openApiDocument();
  return new Hono()
    .get("/openapi.json", function openapi(c) {
      return c.json(document);
    })
    .get("/docs", function docsPage(c) {
      return c.html(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Growth Engine API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2rem}td{padding:.2rem .6rem;vertical-align:top}</style>
</head><body><h1>Growth Engine API</h1>
<p>Send a key as <code>Authorization: Bearer &lt;key&gt;</code> or <code>x-api-key</code> (create one with <code>growth keys create</code>). Errors are <code>{ "error": { "code", "message" } }</code>. The machine-readable document is <a href="/openapi.json">/openapi.json</a>.</p>
<table><tr><th>method</th><th>path</th><th>role</th><th>what it does</th></tr>
${OPERATIONS.map((op) => html`<tr><td>${op.method.toUpperCase()}</td><td><code>${op.path}</code></td><td>${op.role}</td><td>${op.summary}</td></tr>`)}
</table></body></html>`);
    });
}
