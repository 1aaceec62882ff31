import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { roleAllows } from "../../domain/roles.ts";
import type { ServiceEnv } from "../env.ts";
import { apiReader } from "./api.ts";
import { assets } from "./assets.ts";
import { PAGES, type PageId, shell } from "./layout.ts";
import { chatView } from "./views/chat.ts";
import { healthView } from "./views/health.ts";
import { approvalsView, inboxView } from "./views/inbox.ts";
import { reportView } from "./views/report.ts";
import { runsView } from "./views/runs.ts";
import { traceView } from "./views/trace.ts";

/** Why the sign-in page is shown, by the code the script passes; anything else shows no message. */
const SIGN_IN_REASONS: Record<string, string> = {
  key_invalid:
    "Your key was refused (revoked or expired), so you are signed out. Sign in with a current key.",
  key_missing: "Sign in with an API key to continue.",
  signed_out: "You are signed out.",
};

/**
 * Headers of every page: scripts only from this server (so no inline handler could run even if a value escaped
 * its escaping), no framing (an approve button cannot be clicked through another site), no referrer, no sniffing.
 */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function pageOf(c: Context, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return c.html(body, 200, PAGE_HEADERS);
}

function signIn(reason: string | undefined) {
  const message = reason ? SIGN_IN_REASONS[reason] : undefined;
  return html`<div class="sign-in card">
<h1>Sign in</h1>
${message ? html`<p class="notice" role="alert">${message}</p>` : ""}
<p>Paste an API key. An admin creates one with</p>
<pre class="cmd"><code>growth keys create --name &lt;you&gt; --role approver</code></pre>
<p>The key stays in this browser tab only and is sent to the API as a bearer token.</p>
<form id="sign-in-form">
  <label for="key">API key</label>
  <input id="key" name="key" type="password" autocomplete="off" required spellcheck="false">
  <div class="buttons"><button type="submit" class="primary">Sign in</button></div>
  <p id="sign-in-error" class="error" role="alert"></p>
</form></div>`;
}

/**
 * The web console: page shells at `/`, `/inbox`, `/chat`, `/traces`, `/health` and `/report`, and their views
 * under `/console/view/*` (behind the key, like `/v1`), rendered on the server from what the service's own `/v1`
 * API answers the caller's key, so a page shows exactly what that key may see and offers only what it may do.
 */
export function consolePages(fetch: (request: Request) => Promise<Response>, clock: () => Date) {
  const app = new Hono<ServiceEnv>();
  app.route("/", assets());
  app.get("/", (c) => c.redirect("/inbox"));
  app.get("/sign-in", (c) =>
    pageOf(
      c,
      shell({ page: "sign-in", title: "Sign in", view: null, content: signIn(c.req.query("reason")) }),
    ),
  );
  for (const p of PAGES) {
    app.get(p.path, (c) =>
      pageOf(
        c,
        shell({
          page: p.id as PageId,
          title: p.title,
          view: `/console/view/${p.id}`,
          charts: p.id === "report",
        }),
      ),
    );
  }
  app.get("/traces/:id", (c) =>
    pageOf(
      c,
      shell({
        page: "trace",
        title: "Trace",
        view: `/console/view/trace/${encodeURIComponent(c.req.param("id"))}`,
      }),
    ),
  );

  const view = new Hono<ServiceEnv>();
  const reader = (c: { req: { header(name: string): string | undefined } }) =>
    apiReader(fetch, c.req.header("authorization") ?? "");
  view.get("/inbox", async (c) =>
    c.html(await inboxView(reader(c), roleAllows(c.get("key").role, "approver"), clock().getTime())),
  );
  view.get("/approvals", async (c) => {
    const ids = (c.req.query("ids") ?? "").split(",").filter(Boolean).slice(0, 50);
    return c.html(
      await approvalsView(reader(c), ids, roleAllows(c.get("key").role, "approver"), clock().getTime()),
    );
  });
  view.get("/chat", (c) => c.html(chatView(roleAllows(c.get("key").role, "operator"))));
  view.get("/runs", async (c) => c.html(await runsView(reader(c), c.req.query())));
  view.get("/trace/:id", async (c) => c.html(await traceView(reader(c), c.req.param("id"))));
  view.get("/health", async (c) =>
    c.html(await healthView(reader(c), roleAllows(c.get("key").role, "admin"))),
  );
  view.get("/report", async (c) => c.html(await reportView(reader(c), c.req.query())));
  app.route("/console/view", view);
  return app;
}
