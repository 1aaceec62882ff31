import { describe, expect, it } from "vitest";
import type { ApprovalView } from "../../../runtime/approvals/view.ts";
import { approvalCard } from "./approval-card.ts";

const base: ApprovalView = {
  id: "run-1:campaign-execution#1",
  run_id: "run-1",
  thread_id: "campaign:q1",
  action_id: "campaign-execution#1",
  status: "pending",
  created_at: "2026-11-01T00:00:00.000Z",
  decided_by: null,
  decided_at: null,
  decision_note: null,
  agent: "campaign-execution",
  action_type: "enrol_in_campaign",
  approval_reason: "Bulk send to 120 contacts needs approval.",
  agent_reason: "Enrol the <b>fintech</b> audience.",
  channel: "email",
  recipient: null,
  subject: null,
  body: null,
  template_id: "nurture-1",
  offer: null,
  audience: {
    kind: "contacts",
    size: 120,
    allowed: 118,
    sample: [
      {
        email: "x@evil.test",
        name: `<img src=x onerror="alert(1)">`,
        title: "<script>alert(2)</script>",
        account: { domain: "evil.test", name: "Evil & Co" },
      },
    ],
  },
  details: { campaign: "cmp-q1", budget_cents: 1_250_000 },
  guard: [
    { target: "x@evil.test", decision: "suppress", rule: "frequency_cap", reason: "3 touches this week" },
  ],
};

const render = async (view: ApprovalView, canDecide: boolean) =>
  String(await approvalCard(view, canDecide, Date.parse("2026-11-03T00:00:00Z")));

describe("an approval card", () => {
  it("shows a bulk action's audience size, what the guard allowed and a sample, with CRM markup escaped", async () => {
    const html = await render(base, true);
    expect(html).toContain("Enrol 120 contacts in cmp-q1</h2>");
    expect(html).toContain("<strong>120</strong> contacts · 118 allowed by the guard");
    expect(html).toContain("… and 119 more");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain("Evil &amp; Co");
    expect(html).toContain("Enrol the &lt;b&gt;fintech&lt;/b&gt; audience.");
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain("<code>frequency_cap</code>");
    expect(html).toContain("waiting 2 days");
    expect(html).toContain("$12,500"); // budget in dollars
    expect(html).toContain(">Approve</button>");
    // Only content a person may change is editable: an enrolment has no subject, body or discount.
    expect(html).not.toContain("Edit before approving");
  });

  it("offers no decision to a key that may not decide, and shows who decided a decided one", async () => {
    expect(await render(base, false)).not.toContain("<button");
    const decided = await render(
      {
        ...base,
        status: "rejected",
        decided_by: "ada",
        decided_at: "2026-11-02T09:30:00.000Z",
        decision_note: "too many",
      },
      true,
    );
    expect(decided).toContain("Decided (rejected) by ada at 2026-11-02 09:30 UTC — “too many”.");
    expect(decided).not.toContain("<button");
  });
});
