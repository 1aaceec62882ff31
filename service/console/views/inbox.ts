import { html } from "hono/html";
import type { ApprovalView } from "../../../runtime/approvals/view.ts";
import type { ApiRead } from "../api.ts";
import { approvalCard } from "./approval-card.ts";

/** The inbox: every pending approval, newest first, in full. */
export async function inboxView(api: ApiRead, canDecide: boolean, now: number) {
  const { approvals } = await api<{ approvals: ApprovalView[] }>("/v1/approvals");
  const newest = [...approvals].sort(
    (a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id),
  );
  return html`<h1>Inbox <span class="count">${newest.length} to decide</span></h1>
${
  newest.length === 0
    ? html`<p class="empty">Nothing waits for a decision.</p>`
    : html`<p class="muted">Newest first. Each card shows what would go out, to whom, and why the guard let it through.${canDecide ? "" : " Your key may look but not decide."}</p>`
}
<div class="cards">${newest.map((a) => approvalCard(a, canDecide, now))}</div>`;
}

/** Some approvals by id (those a chat turn needs), as cards. */
export async function approvalsView(api: ApiRead, ids: string[], canDecide: boolean, now: number) {
  const views: ApprovalView[] = [];
  for (const id of ids) views.push(await api<ApprovalView>(`/v1/approvals/${encodeURIComponent(id)}`));
  return html`<div class="cards">${views.map((a) => approvalCard(a, canDecide, now))}</div>`;
}
