/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// DOM types for the functions this file runs inside the page (page.evaluate).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey, revokeKey } from "../../runtime/keys/index.ts";
import {
  accessibilityProblems,
  card,
  launchChromium,
  ready,
  seedConsoleRuns,
  shoot,
  signIn as signInAt,
  tab as tabOf,
} from "../../test/helpers/console-browser.ts";
import { DEMO_NOW, HOSTILE, startConsoleDemo } from "../../test/helpers/console-demo.ts";
import { suiteDialect } from "../../test/helpers/dialects.ts";

let demo: Awaited<ReturnType<typeof startConsoleDemo>>;
let browser: Browser;
let runOf: Record<string, string> = {};

beforeAll(async () => {
  demo = await startConsoleDemo();
  // GROWTH_TEST_DIALECT=postgres (npm run test:pg) runs every page against the Postgres tier.
  expect(demo.store.dialect).toBe(suiteDialect());
  runOf = await seedConsoleRuns(demo);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const tab = (): Promise<Page> => tabOf(browser);
const signIn = (key: string): Promise<Page> => signInAt(browser, demo.url, key);

describe(`the web console in Chromium [${suiteDialect()}]`, () => {
  it("signs in, shows each approval in full with hostile CRM text as text, and approves an email by keyboard; the trace shows its effect", async () => {
    const page = await tab();
    const response = await page.goto(`${demo.url}/sign-in`);
    // Scripts only from the server and no framing, so even an unescaped value could run nothing.
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(response?.headers()["x-frame-options"]).toBe("DENY");
    await ready(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, "sign-in");
    await page.close();

    const inbox = await signIn(demo.keys.approver);
    const nora = card(inbox, runOf.nora!);
    await expect(nora.textContent()).resolves.toContain("Nora Quinn");
    const text = (await nora.textContent()) ?? "";
    expect(text).toContain("Chief Financial Officer");
    expect(text).toContain("Northwind Labs");
    expect(text).toContain("Would 20 minutes next week be useful to compare notes"); // the full body
    expect(text).toContain("proposed by lead-engagement");
    expect(text).toContain("First touch to an executive");
    expect(text).toMatch(/waiting (under a minute|\d+ min) \(since 2026-11-01 00:0\d UTC\)/);
    const campaign = (await card(inbox, runOf.campaign!).textContent()) ?? "";
    expect(campaign).toMatch(
      /Audience\s*8 accounts\. Sample:\s*Novalight Capital \(novalightcapital\.ai, Fintech, DE\)/,
    );
    expect(campaign).toContain("… and 3 more");
    expect(campaign).toContain("A chat request's actions go out only after a person approves them.");
    const offer = card(inbox, runOf.offer!);
    expect(await offer.textContent()).toContain("30% partnership");
    expect(await offer.textContent()).toContain("24-month term");

    // CRM markup is shown as the text it is: no element made from it, nothing run.
    const mallory = card(inbox, runOf.mallory!);
    const shown = (await mallory.textContent()) ?? "";
    expect(shown).toContain(HOSTILE.lastName);
    expect(shown).toContain(HOSTILE.title);
    expect(shown).toContain(HOSTILE.account);
    // The body is one text block (the template writes a cleaned account name, "Evilcorp-test", into it).
    expect(await mallory.locator("pre.body").textContent()).toContain("Evilcorp-test");
    expect(await mallory.locator("pre.body *").count()).toBe(0);
    expect(await mallory.locator("img, script").count()).toBe(0);
    expect(await inbox.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();

    expect(await accessibilityProblems(inbox)).toEqual([]);
    await shoot(inbox, "inbox");

    // Keyboard only: focus the note, type it, Tab to Approve, press Enter.
    await nora.locator("form.verdict input[name=note]").focus();
    await inbox.keyboard.type("CFO intro is fine");
    await inbox.keyboard.press("Tab");
    expect(await inbox.evaluate(() => document.activeElement?.textContent)).toBe("Approve");
    await inbox.keyboard.press("Enter");
    const result = nora.locator(".result.good");
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /^Approved\. The run is completed: 1 effect\(s\) — email touch \(sequence\) to a contact at northwind-labs\.com\. See the run's trace$/,
    );
    expect(await nora.locator("button").count()).toBe(0);

    await result.locator("a").click();
    await inbox.waitForURL(/\/traces\//);
    await ready(inbox);
    const timeline = (await inbox.locator(".timeline").textContent()) ?? "";
    expect(timeline).toContain("approval decided");
    expect(timeline).toContain("approve by april — “CFO intro is fine”");
    expect(timeline).toContain(
      "effect executedEffect executed email touch (sequence) to a contact at northwind-labs.com",
    );
    expect(timeline).toContain("served by playbook");
    expect(await accessibilityProblems(inbox)).toEqual([]);
    await shoot(inbox, "trace");
    await inbox.context().close();
  });

  it("edits a discount down and the edited terms are executed, an edit past the band is refused by the guard, and a rewritten email goes as written", async () => {
    const page = await signIn(demo.keys.approver);
    const offer = card(page, runOf.offer!);
    await offer.locator("summary").click();
    await offer.locator("input[name=discount]").fill("45");
    await offer.getByRole("button", { name: "Save edit and approve" }).click();
    await offer.locator(".result.bad").waitFor();
    expect(await offer.locator(".result").textContent()).toContain(
      "refused by the guard (ceiling:discount_band): 45% is outside the reseller partnership band (10–30%)",
    );

    await offer.locator("input[name=discount]").fill("20");
    const terms = offer.locator("textarea[name=terms]");
    await terms.fill(
      ((await terms.inputValue()) ?? "").replace("30% reseller margin", "20% reseller margin"),
    );
    await offer.locator("input[name=note]").last().fill("20% is our usual");
    await offer.getByRole("button", { name: "Save edit and approve" }).click();
    await offer.locator(".result.good").waitFor();
    expect(await offer.locator(".result").textContent()).toContain(
      "Edited and approved. The run is completed: 1 effect(s) — partnership offer of 20% to vectorcraftretail.ai",
    );
    // What ran is the edited action: the effect's outbox payload carries the new discount and terms.
    const row = await demo.store.db
      .selectFrom("outbox")
      .select("payload")
      .where("run_id", "=", runOf.offer!)
      .executeTakeFirstOrThrow();
    const { action } = JSON.parse(row.payload) as { action: { discountPct: number; terms: string } };
    expect(action.discountPct).toBe(20);
    expect(action.terms).toContain("20% reseller margin off list price");

    // An email rewritten before it goes: the subject and body sent are the person's.
    const email = card(page, runOf.priya!);
    await email.locator("summary").click();
    await email.locator("input[name=subject]").fill("Priya, a 15-minute idea for Contoso's pipeline");
    await email
      .locator("textarea[name=body]")
      .fill("Hi Priya,\n\nShort and personal this time.\n\nBest,\nApril");
    await email.getByRole("button", { name: "Save edit and approve" }).click();
    await email.locator(".result.good").waitFor();
    const sent = await demo.store.db
      .selectFrom("outbox")
      .select("payload")
      .where("run_id", "=", runOf.priya!)
      .executeTakeFirstOrThrow();
    const touch = (JSON.parse(sent.payload) as { action: { subject: string; body: string } }).action;
    expect(touch).toMatchObject({
      subject: "Priya, a 15-minute idea for Contoso's pipeline",
      body: "Hi Priya,\n\nShort and personal this time.\n\nBest,\nApril",
    });
    await page.context().close();
  });

  it("chats one turn: steps stream in (routing, the agent's serving path, the guard), then the answer, then its approval decided inline", async () => {
    const page = await signIn(demo.keys.approver);
    await page.click("nav >> text=Chat");
    await page.waitForURL(/\/chat$/);
    await ready(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill(
      "#chat-text",
      "Propose partnership terms for a referral partner at fabrikam-partners.com",
    );
    await page.click("#chat-form button[type=submit]");
    const turn = page.locator(".turn").first();
    await turn.locator(".answer").waitFor();
    const steps = await turn.locator(".steps > li").allTextContents();
    expect(steps[0]).toMatch(/^accepted run /);
    expect(steps.some((s) => /routing\s+supervisor\s+Routed to partnership-negotiator/.test(s))).toBe(true);
    expect(steps.some((s) => /agent\s+partnership-negotiator\s+served by playbook/.test(s))).toBe(true);
    expect(steps.some((s) => /guard\s+conflict_guard\s+The guard checked 1 action/.test(s))).toBe(true);
    // The answer comes after the steps, and the approval after the answer.
    expect(await turn.locator(".steps + .answer, .steps ~ .answer").count()).toBe(1);
    expect(await turn.locator(".answer-text").textContent()).toContain("referral");
    const inline = turn.locator(".answer ~ .turn-approvals article");
    await inline.waitFor();
    expect(await inline.textContent()).toContain("Referral partnership with fabrikam-partners.com");
    await page.locator(".turn[data-done=true]").waitFor();
    await shoot(page, "chat");
    await inline.getByRole("button", { name: "Approve" }).click();
    await inline.locator(".result.good").waitFor();
    expect(await inline.locator(".result").textContent()).toContain("partnership offer of");
    await page.context().close();
  });

  it("lists runs filterably, shows health with its dead letters, and draws the report's charts with data", async () => {
    const page = await signIn(demo.keys.admin);
    await page.goto(`${demo.url}/traces?status=completed`);
    await ready(page);
    const statuses = await page.locator("table.runs tbody td:nth-child(2)").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["completed"]));
    await page.goto(`${demo.url}/traces`);
    await ready(page);
    expect(await page.locator("table.runs tbody tr").count()).toBeGreaterThanOrEqual(7);
    await page.fill("#f-agent", "campaign-planner");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/agent=campaign-planner/);
    await ready(page);
    await page.selectOption("#f-kind", "event");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/kind=event/);
    await ready(page);
    const routes = await page.locator("table.runs tbody td:nth-child(5)").allTextContents();
    expect(routes).toEqual(["campaign-planner → content-creation → campaign-execution"]);
    await page.goto(`${demo.url}/traces`);
    await ready(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, "runs");

    await page.click("nav >> text=Health");
    await ready(page);
    expect(await page.locator("text=Agents >> xpath=.. >> tbody tr").count()).toBe(10);
    const queue = await page.locator("#queue-workers").textContent();
    if (demo.store.dialect === "postgres")
      expect(queue).toMatch(/waiting.*workers live.*No run is queued\./s);
    else expect(queue).toContain("embedded mode");
    const letter = page.locator("li[data-dead-letter=dl-console-1]");
    expect(await letter.textContent()).toContain("the CRM timed out");
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, "health");

    await page.click("nav >> text=Report");
    await ready(page);
    const charts = await page.evaluate(() => {
      const Chart = (
        window as unknown as {
          Chart: {
            getChart(c: HTMLCanvasElement): { data: { datasets: { data: (number | null)[] }[] } } | undefined;
          };
        }
      ).Chart;
      return [...document.querySelectorAll("canvas")].map((canvas) => {
        const chart = Chart.getChart(canvas as HTMLCanvasElement);
        const points =
          chart?.data.datasets[0]?.data.filter((v) => typeof v === "number" && v > 0).length ?? 0;
        const pixels = (canvas as HTMLCanvasElement)
          .getContext("2d")!
          .getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        return { id: canvas.id, points, painted };
      });
    });
    expect(charts.map((c) => c.id)).toEqual([
      "chart-pipeline",
      "chart-funnel",
      "chart-conversion",
      "chart-winrate",
      "chart-velocity",
      "chart-channel",
      "chart-campaign",
      "chart-agent",
    ]);
    for (const c of charts) {
      expect(c.points, c.id).toBeGreaterThan(0);
      expect(c.painted, c.id).toBeGreaterThan(500);
    }
    expect(await page.locator(".tile").first().textContent()).toContain("open pipeline");
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, "report");

    // The model switcher re-credits the same deals: first touch differs from linear.
    const linear = await page.locator("table.numbers:has(caption:text-is('By channel')) tbody").textContent();
    await page.selectOption("#model", "first");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/model=first/);
    await ready(page);
    expect(await page.locator("text=by the first model").count()).toBe(1);
    const first = await page.locator("table.numbers:has(caption:text-is('By channel')) tbody").textContent();
    expect(first).not.toBe(linear);
    await page.context().close();
  });

  it("health: a viewer is offered no redrive or discard and a forged one is refused; an admin redrives one dead letter and discards another from the page", async () => {
    const viewer = await signIn(demo.keys.viewer);
    await viewer.click("nav >> text=Health");
    await ready(viewer);
    const seen = viewer.locator("li[data-dead-letter=dl-console-2]");
    expect(await seen.textContent()).toContain("the warehouse timed out");
    expect(await viewer.locator("button[data-dlq]").count()).toBe(0);
    const forged = await viewer.evaluate(async () => {
      const statuses: number[] = [];
      for (const action of ["redrive", "discard"]) {
        const res = await fetch(`/v1/dlq/dl-console-2/${action}`, {
          method: "POST",
          headers: { authorization: `Bearer ${sessionStorage.getItem("growth.key")}` },
        });
        statuses.push(res.status);
      }
      return statuses;
    });
    expect(forged).toEqual([403, 403]);
    await viewer.context().close();

    const page = await signIn(demo.keys.admin);
    await page.click("nav >> text=Health");
    await ready(page);
    const redriven = page.locator("li[data-dead-letter=dl-console-2]");
    await redriven.getByRole("button", { name: "Redrive" }).click();
    await redriven.locator(".result.good").waitFor();
    const said = (await redriven.locator(".result").textContent()) ?? "";
    expect(said).toMatch(/^Redriven as run \S+: The run is completed: \d+ effect\(s\)/);
    expect(await redriven.locator("button").count()).toBe(0);
    const discarded = page.locator("li[data-dead-letter=dl-console-1]");
    await discarded.getByRole("button", { name: "Discard" }).click();
    await discarded.locator(".result.good").waitFor();
    expect(await discarded.locator(".result").textContent()).toBe("Discarded.");
    const all = (await (await demo.call("/v1/dlq?all=true", demo.keys.viewer)).json()) as {
      dead_letters: { id: string; status: string }[];
    };
    expect(Object.fromEntries(all.dead_letters.map((d) => [d.id, d.status]))).toEqual({
      "dl-console-1": "discarded",
      "dl-console-2": "redriven",
    });
    // The new run is a real one: its trace opens from the page and shows the analytics agent at work.
    await redriven.locator(".result a").click();
    await page.waitForURL(/\/traces\//);
    await ready(page);
    expect(await page.locator(".timeline").textContent()).toContain("marketing-analytics");
    // A reload shows no open letters left.
    await page.goto(`${demo.url}/health`);
    await ready(page);
    expect(await page.locator("text=No open dead letters.").count()).toBe(1);
    await page.context().close();
  });

  it("offers a viewer no decision and refuses a forged approve; a decision made elsewhere meanwhile reads 'already decided by … at …'", async () => {
    const viewer = await signIn(demo.keys.viewer);
    const mallory = card(viewer, runOf.mallory!);
    expect(await mallory.textContent()).toContain("Your key may look but not decide");
    expect(await viewer.locator("button", { hasText: "Approve" }).count()).toBe(0);
    const forged = await viewer.evaluate(async (id) => {
      const res = await fetch(`/v1/approvals/${encodeURIComponent(id)}/approve`, {
        method: "POST",
        headers: { authorization: `Bearer ${sessionStorage.getItem("growth.key")}` },
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    }, `${runOf.mallory}:lead-engagement#1`);
    expect(forged).toEqual({
      status: 403,
      body: { error: expect.objectContaining({ code: "role_insufficient" }) },
    });
    await viewer.context().close();

    const approver = await signIn(demo.keys.approver);
    const open = card(approver, runOf.mallory!);
    await open.waitFor();
    // Someone else rejects it while the page is open.
    const elsewhere = await demo.call(
      `/v1/approvals/${encodeURIComponent(`${runOf.mallory}:lead-engagement#1`)}/reject`,
      demo.keys.admin,
      { note: `markup in the CRM <img src=x onerror="window.__xss='note'">` },
    );
    expect(elsewhere.status).toBe(200);
    await open.getByRole("button", { name: "Approve" }).click();
    await open.locator(".result.warn").waitFor();
    expect(await open.locator(".result").textContent()).toMatch(
      /^Already decided \(rejected\) by ada at 2026-11-01 00:0\d UTC\.$/,
    );
    expect(await approver.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    // The decision's note, markup and all, reads as text in the run's trace.
    await approver.goto(`${demo.url}/traces/${encodeURIComponent(runOf.mallory!)}`);
    await ready(approver);
    const timeline = approver.locator(".timeline");
    expect(await timeline.textContent()).toContain(
      `reject by ada — “markup in the CRM <img src=x onerror="window.__xss='note'">”`,
    );
    expect(await timeline.locator("img, script").count()).toBe(0);
    expect(await approver.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    await approver.context().close();
  });

  it("signs out with a message when the key expires meanwhile", async () => {
    const { key } = await createKey(
      demo.store.db,
      { name: "brief", role: "approver", expiresInDays: 1 },
      DEMO_NOW,
    );
    const page = await signIn(key);
    // The service's clock passes the key's expiry (set back here rather than waiting a day).
    await demo.store.db
      .updateTable("api_keys")
      .set({ expires_at: new Date(DEMO_NOW.getTime() - 1000).toISOString() })
      .where("name", "=", "brief")
      .execute();
    await page.click("nav >> text=Runs");
    await page.waitForURL(/\/sign-in\?reason=key_invalid/);
    await ready(page);
    expect(await page.locator(".notice").textContent()).toContain("revoked or expired");
    expect(await page.evaluate(() => sessionStorage.getItem("growth.key"))).toBeNull();
    await page.context().close();
  });

  it("signs out with a message when the key is revoked meanwhile", async () => {
    const { key } = await createKey(demo.store.db, { name: "temp", role: "approver" });
    const page = await signIn(key);
    await revokeKey(demo.store.db, "temp");
    await page.click("nav >> text=Health");
    await page.waitForURL(/\/sign-in\?reason=key_invalid/);
    await ready(page);
    expect(await page.locator(".notice").textContent()).toContain("revoked or expired");
    await shoot(page, "signed-out");
    expect(await page.evaluate(() => sessionStorage.getItem("growth.key"))).toBeNull();
    await page.context().close();
  });
});
