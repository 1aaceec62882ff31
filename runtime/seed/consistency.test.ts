import { describe, expect, it } from "vitest";
import { AgentId, clusterOf } from "../../domain/agents.ts";
import { FREE_MAIL_DOMAINS } from "./catalog-companies.ts";
import { REPS } from "./catalog-people.ts";
import { generateDemoData, REFERENCE_ANCHOR } from "./generate.ts";

const data = generateDemoData({ now: new Date(REFERENCE_ANCHOR) });
const DAY = 86_400_000;
const accounts = new Map(data.accounts.map((a) => [a.domain, a]));
const contacts = new Map(data.contacts.map((c) => [c.email, c]));
const campaigns = new Map(data.campaigns.map((c) => [c.id, c]));
const STAGES = ["new", "qualified", "discovery", "proposal", "negotiation", "closed_won", "closed_lost"];

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k == null) continue;
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}

describe("demo data: keys", () => {
  it("has unique registrable account domains and unique lower-case contact emails", () => {
    expect(accounts.size).toBe(data.accounts.length);
    expect(contacts.size).toBe(data.contacts.length);
    for (const domain of accounts.keys()) {
      expect(domain).toMatch(/^[a-z0-9]+\.(com|io|co|ai)$/);
      expect(FREE_MAIL_DOMAINS).not.toContain(domain);
    }
    for (const c of data.contacts) {
      expect(c.email).toBe(c.email.trim().toLowerCase());
      const host = c.email.split("@")[1];
      if (c.account_domain === null) expect(FREE_MAIL_DOMAINS).toContain(host);
      else expect(host).toBe(c.account_domain);
      if (c.account_domain) expect(accounts.has(c.account_domain)).toBe(true);
    }
    expect(data.contacts.filter((c) => c.account_domain === null).length).toBeGreaterThan(10);
  });
});

describe("demo data: opportunities", () => {
  const history = groupBy(data.opportunity_stage_history, (h) => h.opportunity_id);

  it("sit on existing accounts, owned by a BD rep who owns the account", () => {
    for (const o of data.opportunities) {
      const account = accounts.get(o.account_domain);
      expect(account, o.id).toBeDefined();
      expect(REPS as readonly (string | null | undefined)[]).toContain(o.owner);
      expect(account?.owner).toBe(o.owner);
      expect(Number.isInteger(o.amount_cents)).toBe(true);
      expect(o.amount_cents).toBeGreaterThanOrEqual(500_000);
      expect(o.amount_cents).toBeLessThanOrEqual(25_000_000);
    }
    expect(data.opportunities.filter((o) => !o.stage.startsWith("closed")).length).toBe(
      new Set(data.opportunities.filter((o) => !o.stage.startsWith("closed")).map((o) => o.account_domain))
        .size,
    );
  });

  it("has at least one opportunity in every stage; closed ones have closed_at, lost ones a reason", () => {
    for (const stage of STAGES)
      expect(
        data.opportunities.some((o) => o.stage === stage),
        stage,
      ).toBe(true);
    for (const o of data.opportunities) {
      const closed = o.stage === "closed_won" || o.stage === "closed_lost";
      expect(o.closed_at != null, o.id).toBe(closed);
      if (o.closed_at) expect(o.closed_at >= o.created_at).toBe(true);
      expect(o.lost_reason != null, o.id).toBe(o.stage === "closed_lost");
    }
  });

  it("have a stage history that starts at creation, moves consistently and ends in the current stage", () => {
    let backward = 0;
    for (const o of data.opportunities) {
      const moves = history.get(o.id) ?? [];
      expect(moves.length, o.id).toBeGreaterThan(0);
      expect(moves[0]).toMatchObject({ from_stage: null, to_stage: "new", entered_at: o.created_at });
      for (let i = 1; i < moves.length; i++) {
        const [prev, move] = [moves[i - 1], moves[i]];
        expect(move?.from_stage).toBe(prev?.to_stage);
        expect((move?.entered_at ?? "") > (prev?.entered_at ?? "")).toBe(true);
        const back = STAGES.indexOf(move?.to_stage ?? "") < STAGES.indexOf(move?.from_stage ?? "");
        if (back) {
          backward++;
          expect(move?.reason, o.id).toBeTruthy();
        }
        expect(["closed_won", "closed_lost"]).not.toContain(prev?.to_stage);
      }
      const last = moves[moves.length - 1];
      expect(last?.to_stage).toBe(o.stage);
      if (o.closed_at) expect(last?.entered_at).toBe(o.closed_at);
      if (o.stage === "closed_lost") expect(last?.reason).toBe(o.lost_reason);
      expect(o.updated_at).toBe(last?.entered_at);
    }
    expect(backward).toBeGreaterThan(3);
  });

  it("gives every won deal touches on its account in the 365 days before close", () => {
    const byAccount = groupBy(data.touches, (t) => t.account_domain);
    for (const o of data.opportunities.filter((x) => x.stage === "closed_won")) {
      const closed = Date.parse(o.closed_at ?? "");
      const from = new Date(closed - 365 * DAY).toISOString();
      const inWindow = (byAccount.get(o.account_domain) ?? []).filter(
        (t) => t.occurred_at >= from && t.occurred_at <= (o.closed_at ?? ""),
      );
      expect(inWindow.length, o.id).toBeGreaterThanOrEqual(3);
      expect(inWindow.some((t) => t.cluster === "marketing") || inWindow.length >= 5, o.id).toBe(true);
    }
  });
});

describe("demo data: touches", () => {
  it("touch existing contacts, at their account, after they existed and up to the anchor", () => {
    for (const t of data.touches) {
      const contact = contacts.get(t.contact_email);
      expect(contact, t.id).toBeDefined();
      expect(t.account_domain).toBe(contact?.account_domain);
      expect(t.occurred_at >= (contact?.created_at ?? "")).toBe(true);
      expect(t.occurred_at <= data.anchor).toBe(true);
      expect(t.content_hash).toMatch(/^[0-9a-f]{12}$/);
    }
  });

  it("name a real agent and its cluster; marketing touches name an existing campaign", () => {
    for (const t of data.touches) {
      expect(t.cluster).toBe(clusterOf(AgentId.parse(t.agent)));
      if (t.cluster === "marketing") expect(campaigns.has(t.campaign ?? ""), t.id).toBe(true);
      else expect(t.campaign).toBeNull();
      if (t.campaign) expect(t.occurred_at >= (campaigns.get(t.campaign)?.created_at ?? "")).toBe(true);
    }
  });

  it("have ids in time order and repeat no content to a contact on a channel within 14 days", () => {
    const sorted = [...data.touches].sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : 1));
    expect(data.touches.map((t) => t.occurred_at)).toEqual(sorted.map((t) => t.occurred_at));
    const groups = groupBy(data.touches, (t) => `${t.contact_email} ${t.channel} ${t.content_hash}`);
    for (const group of groups.values()) {
      for (let i = 1; i < group.length; i++) {
        const gap = Date.parse(group[i]?.occurred_at ?? "") - Date.parse(group[i - 1]?.occurred_at ?? "");
        expect(gap).toBeGreaterThanOrEqual(14 * DAY);
      }
    }
  });
});

describe("demo data: leads, suppressions and sequences", () => {
  it("leads belong to existing contacts and obey the MQL rule once qualified", () => {
    for (const l of data.leads) {
      const contact = contacts.get(l.contact_email);
      expect(contact, l.id).toBeDefined();
      expect(l.account_domain).toBe(contact?.account_domain);
      expect(l.created_at >= (contact?.created_at ?? "")).toBe(true);
      const qualified = ["mql", "sql", "qualified", "converted"].includes(l.status);
      expect(l.qualified_at != null).toBe(qualified);
      if (l.qualified_at) expect(l.qualified_at > l.created_at && l.qualified_at <= data.anchor).toBe(true);
      if (qualified) {
        const mql = (l.fit_score ?? 0) >= 60 && (l.engagement_score ?? 0) >= 40;
        expect(mql || l.source === "demo_request", l.id).toBe(true);
      }
    }
  });

  it("sets contact flags exactly for contact suppressions, about 3% of contacts, with no touch after", () => {
    const contactRows = data.suppressions.filter((s) => s.contact_email);
    const share = contactRows.length / data.contacts.length;
    expect(share).toBeGreaterThan(0.025);
    expect(share).toBeLessThan(0.035);
    const byEmail = new Map(contactRows.map((s) => [s.contact_email, s]));
    const touches = groupBy(data.touches, (t) => t.contact_email);
    for (const c of data.contacts) {
      const row = byEmail.get(c.email);
      expect(c.do_not_contact, c.email).toBe(row?.reason === "do_not_contact" ? 1 : 0);
      expect(c.unsubscribed, c.email).toBe(row?.reason === "unsubscribed" ? 1 : 0);
      expect(c.bounced, c.email).toBe(row?.reason === "bounced" ? 1 : 0);
      if (row) {
        for (const t of touches.get(c.email) ?? []) expect(t.occurred_at < row.created_at).toBe(true);
      }
    }
    expect(new Set(contactRows.map((s) => s.reason))).toEqual(
      new Set(["do_not_contact", "unsubscribed", "bounced"]),
    );
  });

  it("records a few account objections, each after the account's last touch", () => {
    const objections = data.suppressions.filter((s) => s.reason === "objection");
    expect(objections.length).toBeGreaterThanOrEqual(3);
    const byAccount = groupBy(data.touches, (t) => t.account_domain);
    for (const o of objections) {
      expect(o.contact_email).toBeNull();
      expect(accounts.has(o.account_domain ?? "")).toBe(true);
      for (const t of byAccount.get(o.account_domain ?? "") ?? [])
        expect(t.occurred_at < o.created_at).toBe(true);
    }
  });

  it("keeps active BD sequences running at the anchor, on unsuppressed contacts", () => {
    const active = data.sequences.filter((s) => s.status === "active");
    expect(active.length).toBeGreaterThanOrEqual(20);
    const suppressed = new Set(data.suppressions.map((s) => s.contact_email ?? s.account_domain));
    for (const s of active) {
      expect(s).toMatchObject({ cluster: "bd", agent: "lead-engagement" });
      expect(contacts.has(s.contact_email)).toBe(true);
      expect(s.started_at <= data.anchor && (s.ends_at ?? "") > data.anchor).toBe(true);
      expect(suppressed.has(s.contact_email) || suppressed.has(s.account_domain ?? "")).toBe(false);
    }
    for (const s of data.sequences) expect(["active", "completed", "stopped"]).toContain(s.status);
  });
});
