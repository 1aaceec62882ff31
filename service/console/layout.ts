import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** The pages of the console, in the order the navigation shows them. */
export const PAGES = [
  { path: "/inbox", id: "inbox", title: "Inbox" },
  { path: "/chat", id: "chat", title: "Chat" },
  { path: "/traces", id: "runs", title: "Runs & traces" },
  { path: "/health", id: "health", title: "Health" },
  { path: "/report", id: "report", title: "Report" },
] as const;

/** One page id of the console (the sign-in page and a single trace included). */
export type PageId = (typeof PAGES)[number]["id"] | "sign-in" | "trace";

/**
 * The page shell every console page shares: navigation, a main region the page's view fills (fetched with the
 * key as a bearer token, rendered on the server), and the one small script. No data is in the shell itself.
 */
export function shell(options: {
  page: PageId;
  title: string;
  view: string | null;
  charts?: boolean;
  content?: HtmlEscapedString | Promise<HtmlEscapedString>;
}) {
  const current = options.page === "trace" ? "runs" : options.page;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Growth Engine</title>
<link rel="stylesheet" href="/console/assets/console.css">
<link rel="stylesheet" href="/console/assets/pages.css">
${options.charts ? html`<script src="/console/assets/chart.umd.min.js" defer></script>` : ""}
<script src="/console/assets/console.js" defer></script>
</head>
<body data-page="${options.page}">
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">Growth Engine</span>
  ${
    options.page === "sign-in"
      ? ""
      : html`<nav aria-label="Console">
    <ul class="nav-list">${PAGES.map(
      (p) =>
        html`<li><a href="${p.path}"${p.id === current ? html` aria-current="page"` : ""}>${p.title}</a></li>`,
    )}</ul>
  </nav>
  <div class="who"><span id="who" aria-live="polite"></span> <button type="button" id="sign-out" class="link">Sign out</button></div>`
  }
</header>
<main id="main" tabindex="-1" ${options.view ? html`data-view="${options.view}" aria-busy="true"` : ""}>
${options.view ? html`<h1>${options.title}</h1><p class="muted">Loading…</p>` : (options.content ?? "")}
</main>
</body>
</html>`;
}
