import { html } from "hono/html";

/** The chat page: a turn's steps stream in (the script reads `POST /v1/chat` as server-sent events). */
export function chatView(canChat: boolean) {
  return html`<h1>Chat</h1>
<p class="muted">Ask the orchestrator. Steps stream in as they happen: routing, each agent and the path that served it, the guard's checks; then the answer, then any approvals the turn needs.</p>
<div id="conversation" class="conversation" aria-live="polite"></div>
${
  canChat
    ? html`<form id="chat-form" class="chat-form">
  <label for="chat-text">Message</label>
  <textarea id="chat-text" name="text" rows="3" maxlength="4000" required placeholder="e.g. who should we chase this week?"></textarea>
  <div class="buttons"><button type="submit" class="primary">Send</button> <button type="button" id="chat-new" class="plain">New conversation</button></div>
</form>`
    : html`<p class="muted">Your key may not chat (it needs the operator role).</p>`
}`;
}
