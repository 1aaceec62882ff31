// The console's one script: keeps the API key in this tab (sessionStorage), fetches each page's server-rendered
// view with it as a bearer token, and sends decisions and chat turns to the /v1 API. Text from the API is put
// into the page with textContent only; HTML comes only from the server's escaped views.
const KEY = "growth.key";
const WHO = "growth.who";
const CONVERSATION = "growth.conversation";

function key() {
  return sessionStorage.getItem(KEY);
}

function signOut(reason) {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(WHO);
  sessionStorage.removeItem(CONVERSATION);
  location.assign(`/sign-in?reason=${encodeURIComponent(reason)}`);
}

/** Calls the API with the key; a 401 (revoked, expired or unknown key) signs the user out with a message. */
async function api(path, init = {}) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${key()}`);
  const options = { method: init.method ?? "GET", headers };
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    options.body = JSON.stringify(init.json);
    options.method = init.method ?? "POST";
  }
  const res = await fetch(path, options);
  if (res.status === 401) {
    signOut("key_invalid");
    throw new Error("signed out");
  }
  return res;
}

async function errorMessage(res) {
  const body = await res.json().catch(() => null);
  return body?.error?.message ?? `The server answered ${res.status}.`;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href, text) {
  const a = el("a", "", text);
  a.href = href;
  return a;
}

function when(iso) {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "an unknown time";
}

// ---- sign-in ---------------------------------------------------------------------------------------------

function signInPage() {
  const form = document.getElementById("sign-in-form");
  const error = document.getElementById("sign-in-error");
  document.getElementById("key").focus();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const secret = form.elements.key.value.trim();
    const res = await fetch("/v1/whoami", { headers: { authorization: `Bearer ${secret}` } });
    if (!res.ok) {
      error.textContent = await errorMessage(res);
      return;
    }
    const who = await res.json();
    sessionStorage.setItem(KEY, secret);
    sessionStorage.setItem(WHO, JSON.stringify({ name: who.name, role: who.role }));
    location.assign("/inbox");
  });
  document.body.dataset.ready = "true";
}

// ---- approvals ---------------------------------------------------------------------------------------------

function outcomeLine(outcome) {
  if (!outcome) return "Recorded; the run resumes once its other approvals are decided.";
  const effects = outcome.effects ?? [];
  const done = effects.map((e) => e.detail).join("; ");
  return `The run is ${outcome.status.replaceAll("_", " ")}: ${effects.length} effect(s)${done ? ` — ${done}` : ""}.`;
}

async function decide(card, verdict, body) {
  const id = card.dataset.approval;
  const result = card.querySelector(".result");
  const buttons = card.querySelectorAll(".decide button");
  for (const b of buttons) b.disabled = true;
  result.className = "result";
  result.textContent = "Sending…";
  const res = await api(`/v1/approvals/${encodeURIComponent(id)}/${verdict}`, { json: body });
  if (res.ok) {
    const data = await res.json();
    const past = { approve: "Approved", reject: "Rejected", edit: "Edited and approved" }[verdict];
    card.querySelector(".decide")?.remove();
    card.classList.add("decided");
    result.className = "result good";
    result.textContent = `${past}. ${outcomeLine(data.outcome)} `;
    const runId = data.outcome?.run_id ?? id.split(":")[0];
    result.append(link(`/traces/${encodeURIComponent(runId)}`, "See the run's trace"));
    result.focus();
    return;
  }
  if (res.status === 409) {
    // Decided elsewhere meanwhile: say by whom and when, from the approval as it now stands.
    const now = await api(`/v1/approvals/${encodeURIComponent(id)}`);
    const view = now.ok ? await now.json() : null;
    card.querySelector(".decide")?.remove();
    card.classList.add("decided");
    result.className = "result warn";
    result.textContent = view
      ? `Already decided (${view.status}) by ${view.decided_by ?? "someone"} at ${when(view.decided_at)}.`
      : await errorMessage(res);
    return;
  }
  for (const b of buttons) b.disabled = false;
  result.className = "result bad";
  result.textContent = await errorMessage(res);
}

function wireApprovals(root) {
  for (const form of root.querySelectorAll("form.verdict")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const verdict = event.submitter?.value ?? "approve";
      const note = form.elements.note.value.trim();
      decide(form.closest("article"), verdict, note ? { note } : {});
    });
  }
  for (const form of root.querySelectorAll("form.edit-form")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = {};
      for (const name of ["subject", "body", "terms"]) {
        const field = form.elements[name];
        if (field && field.value !== field.defaultValue) body[name] = field.value;
      }
      const discount = form.elements.discount;
      if (discount && discount.value !== discount.defaultValue) body.discount = Number(discount.value);
      const note = form.elements.note.value.trim();
      if (note) body.note = note;
      const card = form.closest("article");
      if (Object.keys(body).filter((k) => k !== "note").length === 0) {
        const result = card.querySelector(".result");
        result.className = "result bad";
        result.textContent = "Change the subject, body, discount or terms first, or approve as it is.";
        return;
      }
      decide(card, "edit", body);
    });
  }
}

// ---- dead letters ------------------------------------------------------------------------------------------

function wireDeadLetters(root) {
  for (const button of root.querySelectorAll("button[data-dlq]")) {
    button.addEventListener("click", async () => {
      const item = button.closest("li");
      const result = item.querySelector(".result");
      const action = button.dataset.dlq;
      const res = await api(`/v1/dlq/${encodeURIComponent(button.dataset.id)}/${action}`, { method: "POST" });
      if (res.ok) {
        const data = await res.json();
        item.querySelector(".buttons")?.remove();
        result.className = "result good";
        if (action === "redrive") {
          // The redrive answers the new run's outcome: say how it ended and link its trace.
          result.textContent = `Redriven as run ${data.run_id}: ${outcomeLine(data)} `;
          result.append(link(`/traces/${encodeURIComponent(data.run_id)}`, "See the new run's trace"));
        } else {
          result.textContent = "Discarded.";
        }
      } else {
        result.className = "result bad";
        result.textContent = await errorMessage(res);
      }
    });
  }
}

// ---- chat --------------------------------------------------------------------------------------------------

/** Reads a text/event-stream response body, calling `onEvent(name, data)` per event as it arrives. */
async function readEvents(res, onEvent) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.search(/\r?\n\r?\n/);
    while (cut !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
      let name = "message";
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length > 0) await onEvent(name, JSON.parse(data.join("\n")));
      cut = buffer.search(/\r?\n\r?\n/);
    }
  }
}

const KIND_LABEL = {
  routing: "routing",
  agent: "agent",
  guard: "guard",
  approval: "approval",
  effects: "effects",
  answer: "answer",
  other: "step",
};

function stepItem(step) {
  const li = el("li", `step step-${step.kind}`);
  li.append(el("span", "badge plain", KIND_LABEL[step.kind] ?? "step"), " ");
  li.append(el("strong", "", step.node), " ");
  if (step.served_by) {
    const path = el("span", `badge ${step.served_by.path === "llm" ? "good" : "warn"}`, step.served_by.path);
    li.append("served by ", path, " ");
    if (step.served_by.model && step.served_by.model !== step.served_by.path)
      li.append(el("code", "", step.served_by.model), " ");
    if (step.served_by.reason) li.append(`(${step.served_by.reason}) `);
  }
  li.append(el("span", "", step.text));
  if (step.decisions?.length > 0) {
    const ul = el("ul", "compact");
    for (const d of step.decisions) {
      const item = el("li");
      item.append(
        el("span", "badge plain", d.decision),
        " ",
        el("code", "", d.rule ?? "no rule"),
        ` × ${d.count}`,
      );
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

async function sendTurn(text, conversation) {
  const turn = el("section", "turn");
  turn.append(el("p", "you", text));
  const steps = el("ol", "steps");
  steps.setAttribute("aria-label", "Steps");
  turn.append(steps);
  conversation.append(turn);
  const res = await api("/v1/chat", {
    json: {
      text,
      ...(sessionStorage.getItem(CONVERSATION)
        ? { conversation_id: sessionStorage.getItem(CONVERSATION) }
        : {}),
    },
    headers: { accept: "text/event-stream" },
  });
  if (!res.ok) {
    turn.append(el("p", "result bad", await errorMessage(res)));
    return;
  }
  await readEvents(res, async (name, data) => {
    if (name === "accepted") {
      sessionStorage.setItem(CONVERSATION, data.conversation_id);
      const li = el("li", "step step-accepted");
      li.append(
        el("span", "badge plain", "accepted"),
        " run ",
        link(`/traces/${encodeURIComponent(data.run_id)}`, data.run_id),
      );
      steps.append(li);
    } else if (name === "step") {
      steps.append(stepItem(data));
    } else if (name === "model_text") {
      let live = turn.querySelector(".model-text");
      if (!live) {
        live = el("p", "model-text");
        steps.after(live);
      }
      live.textContent += data.text;
    } else if (name === "answer") {
      const answer = el("div", "answer");
      answer.append(el("h2", "", "Answer"), el("p", "answer-text", data.text ?? "(no answer)"));
      turn.append(answer);
    } else if (name === "approvals") {
      const ids = data.approvals.map((a) => a.id).join(",");
      const view = await api(`/console/view/approvals?ids=${encodeURIComponent(ids)}`);
      const box = el("div", "turn-approvals");
      box.append(el("h2", "", "Needs your decision"));
      const holder = el("div");
      holder.innerHTML = await view.text(); // server-rendered, every CRM field escaped there
      box.append(holder);
      turn.append(box);
      wireApprovals(box);
    } else if (name === "outcome") {
      turn.append(
        el(
          "p",
          "muted outcome",
          `Run ${data.status.replaceAll("_", " ")} · route ${data.route.join(" → ") || "none"}`,
        ),
      );
    } else if (name === "error") {
      turn.append(el("p", "result bad", data.message));
    }
  });
  turn.dataset.done = "true";
}

function wireChat(root) {
  const form = root.querySelector("#chat-form");
  if (!form) return;
  const conversation = root.querySelector("#conversation");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = form.elements.text.value.trim();
    if (!text) return;
    form.elements.text.value = "";
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await sendTurn(text, conversation);
    } finally {
      button.disabled = false;
    }
  });
  form.elements.text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  root.querySelector("#chat-new").addEventListener("click", () => {
    sessionStorage.removeItem(CONVERSATION);
    conversation.replaceChildren();
  });
}

// ---- report ------------------------------------------------------------------------------------------------

const PALETTE = ["#2563eb", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#4d7c0f", "#0369a1", "#a21caf"];

function formatter(kind) {
  if (kind === "money") return (v) => `$${Math.round(v).toLocaleString("en-US")}`;
  if (kind === "percent") return (v) => `${(v * 100).toFixed(0)}%`;
  return (v) => String(v);
}

function drawCharts(root) {
  if (!window.Chart) return;
  for (const canvas of root.querySelectorAll("canvas[data-chart]")) {
    const spec = JSON.parse(canvas.dataset.chart);
    const format = formatter(spec.format);
    const valueAxis = spec.horizontal ? "x" : "y";
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor:
            spec.type === "bar" ? PALETTE[i % PALETTE.length] : `${PALETTE[i % PALETTE.length]}33`,
          borderColor: PALETTE[i % PALETTE.length],
          fill: spec.type === "line",
          tension: 0.25,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (ctx) => format(ctx.parsed[valueAxis]) } },
        },
        scales: {
          [valueAxis]: { beginAtZero: true, ticks: { callback: (v) => format(v) } },
          // Every category is labelled: a bar without its name cannot be read.
          [spec.horizontal ? "y" : "x"]: { ticks: { autoSkip: false } },
        },
      },
    });
  }
}

// ---- pages -------------------------------------------------------------------------------------------------

function showWho() {
  const who = JSON.parse(sessionStorage.getItem(WHO) ?? "null");
  const slot = document.getElementById("who");
  if (slot && who) slot.textContent = `${who.name} (${who.role})`;
  document.getElementById("sign-out")?.addEventListener("click", () => signOut("signed_out"));
}

async function boot() {
  if (document.body.dataset.page === "sign-in") return signInPage();
  if (!key()) return signOut("key_missing");
  showWho();
  const main = document.getElementById("main");
  const res = await api(`${main.dataset.view}${location.search}`);
  if (!res.ok) {
    const heading = main.querySelector("h1")?.textContent ?? "";
    main.replaceChildren(el("h1", "", heading), el("p", "result bad", await errorMessage(res)));
  } else {
    main.innerHTML = await res.text(); // server-rendered, every CRM field escaped there
  }
  main.setAttribute("aria-busy", "false");
  wireApprovals(main);
  wireDeadLetters(main);
  wireChat(main);
  drawCharts(main);
  document.body.dataset.ready = "true";
}

boot().catch((error) => {
  if (String(error?.message) !== "signed out") {
    const main = document.getElementById("main");
    main?.append(el("p", "result bad", `The console failed: ${error?.message ?? error}`));
  }
});
