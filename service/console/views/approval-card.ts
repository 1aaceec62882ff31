import { html } from "hono/html";
import type { ApprovalView, RecipientView } from "../../../runtime/approvals/view.ts";
import { badge, money, waited, when } from "../format.ts";

function person(r: RecipientView) {
  return html`<span class="person"><strong>${r.name ?? "(no name in the CRM)"}</strong>${r.title ? html`, ${r.title}` : ""}${
    r.account
      ? html` at ${r.account.name ?? r.account.domain} <span class="muted">(${r.account.domain})</span>`
      : ""
  } <span class="muted">&lt;${r.email}&gt;</span></span>`;
}

function audience(a: NonNullable<ApprovalView["audience"]>) {
  return html`<section class="audience"><h3>Audience</h3>
<p><strong>${a.size}</strong> ${a.kind}${a.allowed !== null ? html` · ${a.allowed} allowed by the guard` : ""}. Sample:</p>
<ul>${a.sample.map((s) =>
    "email" in s
      ? html`<li>${person(s)}</li>`
      : html`<li><strong>${s.name ?? s.domain}</strong> <span class="muted">(${s.domain}${s.industry ? `, ${s.industry}` : ""}${s.country ? `, ${s.country}` : ""})</span></li>`,
  )}${a.size > a.sample.length ? html`<li class="muted">… and ${a.size - a.sample.length} more</li>` : ""}</ul></section>`;
}

function details(d: ApprovalView["details"]) {
  const rows = Object.entries(d).filter(([, v]) => v !== null && v !== undefined);
  if (rows.length === 0) return "";
  return html`<dl class="details">${rows.map(
    ([k, v]) =>
      html`<div><dt>${k.replace(/_cents$/, "").replaceAll("_", " ")}</dt><dd>${k.endsWith("_cents") && typeof v === "number" ? money(v / 100) : String(v)}</dd></div>`,
  )}</dl>`;
}

function decideForms(a: ApprovalView) {
  const id = a.id;
  const editable = a.action_type === "send_touch" || a.action_type === "make_offer";
  return html`<div class="decide" data-approval="${id}">
<form class="verdict" data-approval="${id}">
  <label for="note-${id}">Note (kept with the decision)</label>
  <input id="note-${id}" name="note" type="text" maxlength="2000" autocomplete="off">
  <div class="buttons">
    <button type="submit" name="verdict" value="approve" class="primary">Approve</button>
    <button type="submit" name="verdict" value="reject" class="danger">Reject</button>
  </div>
</form>
${
  editable
    ? html`<details class="edit"><summary>Edit before approving</summary>
<form class="edit-form" data-approval="${id}">
  ${
    a.action_type === "send_touch"
      ? html`<label for="subject-${id}">Subject</label>
  <input id="subject-${id}" name="subject" type="text" maxlength="300" value="${a.subject ?? ""}">
  <label for="body-${id}">Body</label>
  <textarea id="body-${id}" name="body" rows="8" maxlength="20000">${a.body ?? ""}</textarea>`
      : html`<label for="discount-${id}">Discount or share, %</label>
  <input id="discount-${id}" name="discount" type="number" min="0" max="100" step="0.5" value="${a.offer?.discount_pct ?? ""}">
  <label for="terms-${id}">Terms</label>
  <textarea id="terms-${id}" name="terms" rows="4" maxlength="5000">${a.offer?.terms ?? ""}</textarea>`
  }
  <label for="edit-note-${id}">Note</label>
  <input id="edit-note-${id}" name="note" type="text" maxlength="2000" autocomplete="off">
  <div class="buttons"><button type="submit" class="primary">Save edit and approve</button></div>
</form></details>`
    : ""
}
</div>`;
}

/** The card's heading: the subject of a message, else what the action does in a few words. */
function titleOf(a: ApprovalView): string {
  if (a.subject) return a.subject;
  const d = a.details;
  if (a.offer)
    return `${a.offer.kind === "discount" ? "Discount" : "Partnership"} offer of ${a.offer.discount_pct}% to ${a.offer.account.name ?? a.offer.account.domain}`;
  if (a.action_type === "create_campaign") return `New campaign: ${d.name ?? d.campaign}`;
  if (a.action_type === "enrol_in_campaign")
    return `Enrol ${a.audience?.size ?? ""} contacts in ${d.campaign}`;
  if (a.action_type === "create_opportunity")
    return `Open opportunity “${d.name}” on ${d.account_name ?? d.account}`;
  if (a.action_type === "move_stage") return `Move ${d.opportunity} to ${d.to_stage}`;
  return a.action_type.replaceAll("_", " ");
}

/** One approval as a card: everything needed to decide it, and the decision controls when the key may decide. */
export function approvalCard(a: ApprovalView, canDecide: boolean, now: number = Date.now()) {
  const title = titleOf(a);
  return html`<article class="card approval" id="approval-${a.id}" data-approval="${a.id}" aria-labelledby="title-${a.id}">
<header class="card-head">
  <h2 id="title-${a.id}">${title}</h2>
  <p class="meta">${badge(a.status)} ${a.channel ? html`<span class="badge plain">${a.channel}</span>` : ""} <span>${a.action_type.replaceAll("_", " ")}</span> · proposed by <strong>${a.agent}</strong> · waiting ${waited(a.created_at, now)} <span class="muted">(since ${when(a.created_at)})</span></p>
</header>
${a.recipient ? html`<p class="to"><span class="label">To</span> ${person(a.recipient)}</p>` : ""}
${a.subject !== null ? html`<p class="subject"><span class="label">Subject</span> ${a.subject}</p>` : ""}
${a.body !== null ? html`<pre class="body" aria-label="Full message body">${a.body}</pre>` : ""}
${
  a.offer
    ? html`<section class="offer"><h3>Offer</h3>
<p><strong class="pct">${a.offer.discount_pct}%</strong> ${a.offer.kind} to ${a.offer.account.name ?? a.offer.account.domain} <span class="muted">(${a.offer.account.domain})</span>${a.offer.opportunity_id ? html` on ${a.offer.opportunity_id}` : ""}</p>
<p class="terms"><span class="label">Terms</span> ${a.offer.terms}</p></section>`
    : ""
}
${a.audience ? audience(a.audience) : ""}
${details(a.details)}
<section class="why"><h3>Why</h3>
<p><span class="label">${a.agent} proposes it</span> ${a.agent_reason}</p>
<p><span class="label">It waits for you</span> ${a.approval_reason}</p></section>
<section class="guard"><h3>Guard</h3>${
    a.guard.length === 0
      ? html`<p class="muted">No guard decision recorded.</p>`
      : html`<ul>${a.guard
          .slice(0, 8)
          .map(
            (g) =>
              html`<li>${badge(g.decision)} <code>${g.rule ?? "no rule"}</code> ${g.target === "-" ? "the whole action" : g.target} — ${g.reason}</li>`,
          )}${a.guard.length > 8 ? html`<li class="muted">… and ${a.guard.length - 8} more</li>` : ""}</ul>`
  }</section>
${
  a.status !== "pending"
    ? html`<p class="result" role="status">Decided (${a.status}) by ${a.decided_by ?? "someone"} at ${when(a.decided_at)}${a.decision_note ? html` — “${a.decision_note}”` : ""}.</p>`
    : html`${canDecide ? decideForms(a) : html`<p class="muted viewer-note">Your key may look but not decide; an approver decides this.</p>`}
<p class="result" role="status" aria-live="polite"></p>`
}
</article>`;
}
