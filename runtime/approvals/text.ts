import type { ApprovalView, RecipientView } from "./view.ts";

/** Money in cents as whole dollars for people. */
function dollars(cents: number): string {
  return `$${Math.round(cents / 100).toLocaleString("en-US")}`;
}

/** "Ana Lopez, CFO at Acme (acme.com) <ana@acme.com>", with whatever parts the CRM knows. */
export function recipientText(r: RecipientView): string {
  const who = [r.name, r.title].filter(Boolean).join(", ");
  const at = r.account
    ? ` at ${r.account.name ? `${r.account.name} (${r.account.domain})` : r.account.domain}`
    : "";
  return `${who || "(no name in the CRM)"}${at} <${r.email}>`;
}

/** An approval as a readable block: what, to whom, the full text, offer, audience, who and why, the guard. */
export function approvalText(view: ApprovalView): string {
  const lines: string[] = [
    `${view.id}  ${view.action_type} proposed by ${view.agent} · since ${view.created_at}`,
  ];
  if (view.channel) lines.push(`  channel: ${view.channel}`);
  if (view.recipient) lines.push(`  to: ${recipientText(view.recipient)}`);
  if (view.subject !== null) lines.push(`  subject: ${view.subject}`);
  if (view.body !== null) {
    lines.push("  body:");
    for (const line of view.body.split("\n")) lines.push(`    ${line}`);
  }
  if (view.offer) {
    const o = view.offer;
    const account = o.account.name ? `${o.account.name} (${o.account.domain})` : o.account.domain;
    lines.push(
      `  offer: ${o.kind} ${o.discount_pct}% to ${account}${o.opportunity_id ? ` on ${o.opportunity_id}` : ""}`,
    );
    lines.push(`  terms: ${o.terms}`);
  }
  if (view.audience) {
    const a = view.audience;
    const allowed = a.allowed !== null ? ` (${a.allowed} allowed by the guard)` : "";
    lines.push(`  audience: ${a.size} ${a.kind}${allowed}; sample:`);
    for (const s of a.sample) {
      lines.push(
        `    - ${"email" in s ? recipientText(s) : `${s.name ?? s.domain} (${s.domain}${s.industry ? `, ${s.industry}` : ""}${s.country ? `, ${s.country}` : ""})`}`,
      );
    }
    if (a.size > a.sample.length) lines.push(`    … and ${a.size - a.sample.length} more`);
  }
  const details = Object.entries(view.details).filter(([, v]) => v !== null && v !== undefined);
  if (details.length > 0) {
    lines.push(
      `  details: ${details.map(([k, v]) => `${k} ${k.endsWith("_cents") && typeof v === "number" ? dollars(v) : v}`).join(", ")}`,
    );
  }
  lines.push(`  why ${view.agent} proposes it: ${view.agent_reason}`);
  lines.push(`  why it waits for you: ${view.approval_reason}`);
  if (view.guard.length > 0) {
    const shown = view.guard.slice(0, 5);
    lines.push("  guard:");
    for (const g of shown)
      lines.push(`    - ${g.target}: ${g.decision}${g.rule ? ` (${g.rule})` : ""} — ${g.reason}`);
    if (view.guard.length > shown.length) lines.push(`    … and ${view.guard.length - shown.length} more`);
  }
  return lines.join("\n");
}
