/// <reference lib="dom" />
// What the console's Chromium tests share: the demo's runs, the browser, pages signed in, axe and screenshots.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { recordDeadLetter } from "../../store/repos/dead-letters.ts";
import { qualified, resellerInquiry, type startConsoleDemo } from "./console-demo.ts";

type ConsoleDemo = Awaited<ReturnType<typeof startConsoleDemo>>;

// The distribution's Chromium (Debian's `chromium`; .ci/run installs it): a test tool's own download never runs here.
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(import.meta.dirname, "../../docs/console");
// Screenshots are always taken (the page must render), but docs/console is rewritten only when asked.
const UPDATE_SHOTS = process.env.GROWTH_UPDATE_SCREENSHOTS === "1";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The runs the console pages show, by name: four waiting at the approval gate (an email, an offer, hostile CRM
 * text, another email), a chat campaign waiting with its audience, two finished runs and two dead letters.
 */
export async function seedConsoleRuns(demo: ConsoleDemo): Promise<Record<string, string>> {
  const runOf: Record<string, string> = {};
  // One at a time: each run pauses at the approval gate, so the inbox has an email, an offer and hostile CRM text.
  for (const [name, event] of [
    ["nora", qualified("nora.quinn@northwind-labs.com", "corr-nora")],
    ["offer", resellerInquiry("vectorcraftretail.ai", "corr-offer")],
    ["mallory", qualified("mallory@evilcorp-test.com", "corr-mallory")],
    ["priya", qualified("priya.shah@contoso-robotics.com", "corr-priya")],
  ] as const) {
    const { runs } = await demo.submit(event);
    if (runs[0]?.status !== "waiting_approval")
      throw new Error(`the ${name} run should wait for approval: ${JSON.stringify(runs)}`);
    runOf[name] = runs[0].run_id;
  }
  // A chat request's campaign waits for a person with its audience: accounts, a sample of them.
  const planned = await demo.call("/v1/chat", demo.keys.operator, {
    text: "plan an email campaign for fintech accounts in EMEA",
  });
  runOf.campaign = ((await planned.json()) as { run_id: string }).run_id;
  // Runs that finish without a person: a campaign (bulk sends the guard checks per contact) and a KPI drop.
  await demo.submit({
    event_type: "campaign_requested",
    source_agent: "growth-lead",
    entity_type: "campaign",
    entity_id: "q1-fintech",
    action: "requested",
    data: { goal: "pipeline from fintech in EMEA" },
    correlation_id: "corr-campaign",
  });
  await demo.submit({
    event_type: "kpi_dropped",
    source_agent: "marketing-analytics",
    entity_type: "metric",
    entity_id: "webinar_signups",
    action: "dropped",
    data: { metric: "webinar_signups", previous: 120, current: 70 },
    correlation_id: "corr-kpi",
  });
  await recordDeadLetter(demo.store.db, {
    id: "dl-console-1",
    runId: "run-dl-console-1",
    correlationId: "corr-dl-console-1",
    threadId: "account:initech.com",
    node: "lead-engagement",
    event: { kind: "event", eventId: "", event: qualified("nora.quinn@northwind-labs.com", "corr-dl") },
    state: {},
    error: [{ name: "SystemError", code: "crm_timeout", message: "the CRM timed out" }],
    attempts: 3,
    at: new Date(),
  });
  await recordDeadLetter(demo.store.db, {
    id: "dl-console-2",
    runId: "run-dl-console-2",
    correlationId: "corr-dl-console-2",
    threadId: "metric:webinar_signups",
    node: "marketing-analytics",
    event: {
      kind: "event",
      eventId: "",
      event: {
        event_type: "kpi_dropped",
        source_agent: "marketing-analytics",
        entity_type: "metric",
        entity_id: "webinar_signups",
        action: "dropped",
        data: { metric: "webinar_signups", previous: 100, current: 60 },
        correlation_id: "corr-dl-console-2",
      },
    },
    state: {},
    error: [{ name: "SystemError", code: "warehouse_timeout", message: "the warehouse timed out" }],
    attempts: 3,
    at: new Date(),
  });
  return runOf;
}

/** Chromium, headless, with a fresh temporary profile (Playwright gives every launch one). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The console tests drive ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium); .ci/run does.`,
    );
  if (UPDATE_SHOTS) mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh tab (its own sessionStorage); a dialog a page opens is dismissed. */
export async function tab(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.dismiss());
  return page;
}

/** Waits until the page's script has run (it marks the body ready). */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector("body[data-ready=true]");
}

/** A new tab signed in with `key` at the console under `url`, on its inbox. */
export async function signIn(browser: Browser, url: string, key: string): Promise<Page> {
  const page = await tab(browser);
  await page.goto(`${url}/`);
  await page.waitForURL(/\/sign-in/);
  await ready(page);
  await page.fill("#key", key);
  await page.click("button[type=submit]");
  await page.waitForURL(/\/inbox$/);
  await ready(page);
  return page;
}

/** Runs axe-core in the page; the serious and critical violations, named with their elements. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses an injected script tag.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations as {
      id: string;
      impact: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Takes a full-page screenshot (a PNG must come back); writes docs/console/<name>.png only with GROWTH_UPDATE_SCREENSHOTS=1. */
export async function shoot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true });
  expect(png.subarray(1, 4).toString("latin1"), name).toBe("PNG");
  if (UPDATE_SHOTS) writeFileSync(join(SHOTS, `${name}.png`), png);
}

/** The inbox card of a run's approval. */
export const card = (page: Page, runId: string) => page.locator(`article[data-approval^="${runId}:"]`);
