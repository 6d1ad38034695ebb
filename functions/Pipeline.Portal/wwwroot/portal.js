// The department portal (docs/portal.md). Every text that came from the server or a file is
// put on the page with textContent, never as markup.
"use strict";

const state = { me: null, acting: null, names: {}, areas: {} };
const $ = (id) => document.getElementById(id);
const labels = {
  received: "受領 received", missing: "未提出 missing", overdue: "期限超過 overdue",
  accepted: "受理 accepted", rejected: "不受理 rejected", duplicate: "重複 duplicate", failed: "処理失敗 failed",
  pending_review: "公開前 not yet published", returned: "差戻し returned",
  error: "エラー error", warning: "警告 warning",
  provisional: "速報値 provisional", estimate: "推計 estimate", definition_change: "定義変更 definition change",
};

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const cell of cells) tr.appendChild(cell instanceof Node ? cell : el("td", cell));
  return tr;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options || {}));
  let body = null;
  const type = response.headers.get("content-type") || "";
  if (type.includes("json")) body = await response.json();
  return { status: response.status, body, headers: response.headers };
}

function base() {
  const a = state.acting;
  return `/api/plans/${encodeURIComponent(a.planId)}/departments/${encodeURIComponent(a.departmentId)}`;
}

async function start() {
  const me = await api("/api/me");
  if (me.status === 200) {
    state.me = me.body;
    return showWorkspace();
  }
  $("who").textContent = "サインインしていません / Not signed in";
  const options = await api("/api/sign-in");
  $("signin").hidden = false;
  if (options.body && options.body.development) {
    $("dev-signin").hidden = false;
    const select = $("dev-choice");
    for (const c of options.body.choices) {
      const option = el("option", `${c.departmentName.ja}（${c.departmentId}） — ${c.planName.ja}`);
      option.value = JSON.stringify({ planId: c.planId, departmentId: c.departmentId });
      select.appendChild(option);
    }
    for (const p of options.body.secretariatChoices || []) {
      const option = el("option", `事務局 secretariat — ${p.planName.ja}`);
      option.value = JSON.stringify({ planId: p.planId, role: "secretariat" });
      select.appendChild(option);
    }
  } else if (options.body && options.body.entraSignInUrl) {
    // The page itself redirects here when nobody is signed in; after signing out the link stays to sign in again.
    $("platform-signin").hidden = false;
    $("platform-link").href = options.body.entraSignInUrl;
  } else if (options.body && options.body.platformSignInUrl) {
    $("platform-signin").hidden = false;
    $("platform-link").href = options.body.platformSignInUrl;
    window.location.assign(options.body.platformSignInUrl);
  } else {
    $("no-signin").hidden = false;
  }
}

function showWorkspace() {
  const me = state.me;
  const development = me.source === "development";
  $("who").textContent = `${me.name}（サインイン中 / signed in）` + (development ? "（開発用サインイン / development sign-in）" : "");
  const extensions = me.acceptedExtensions || [];
  if (extensions.length > 0) {
    $("accepted-extensions").textContent = extensions.join(" ");
    $("file").accept = extensions.join(",");
  }
  $("signin").hidden = true;
  $("workspace").hidden = false;
  $("sign-out").hidden = !(development || me.source === "entra_session");
  const acting = $("acting");
  acting.replaceChildren();
  me.departments.forEach((d, i) => {
    const option = el("option", `${d.departmentName.ja}（${d.departmentId}） — ${d.planName.ja}`);
    option.value = `d${i}`;
    acting.appendChild(option);
  });
  (me.secretariats || []).forEach((p, i) => {
    const option = el("option", `事務局 secretariat — ${p.planName.ja}`);
    option.value = `s${i}`;
    acting.appendChild(option);
  });
  if (acting.options.length === 0) {
    $("who").textContent += " — 担当の所属がありません / no department is mapped to you";
    return;
  }
  select(acting.options[0].value);
}

// A department's workspace, or (RULES.md §14) the plan secretariat's page in review.js.
function select(value) {
  const secretariat = value.startsWith("s");
  $("department-work").hidden = secretariat;
  $("secretariat").hidden = !secretariat;
  if (secretariat) return window.Review.secretariat(state.me.secretariats[Number(value.slice(1))], problem);
  selectDepartment(Number(value.slice(1)));
}

function selectDepartment(index) {
  state.acting = state.me.departments[index];
  state.names = {};
  state.areas = {};
  for (const a of state.acting.areas || []) state.areas[a.code] = a.name.ja;
  window.Review.commentaryForm(base(), problem);
  $("template-link").href = `${base()}/template`;
  $("dashboard-link").href = `/feeds/v1/${encodeURIComponent(state.acting.planId)}/index.html`;
  $("committee-report-link").href = `/feeds/v1/${encodeURIComponent(state.acting.planId)}/progress-report.docx`;
  $("report").hidden = true;
  loadObligations();
  loadHistory();
}

async function loadObligations() {
  const result = await api(`${base()}/obligations`);
  if (result.status !== 200) return problem(result);
  const years = $("owed-years").querySelector("tbody");
  years.replaceChildren();
  for (const y of result.body.fiscalYears) {
    years.appendChild(row([`FY${y.fiscalYear}`, y.dueDate, num(y.received), num(y.missing), num(y.overdue, y.overdue > 0 ? "state-overdue" : ""),
      num(y.pendingReview), num(y.returned, y.returned > 0 ? "state-returned" : "")]));
  }
  const head = $("owed-items").querySelector("thead");
  const body = $("owed-items").querySelector("tbody");
  head.replaceChildren();
  body.replaceChildren();
  const fys = result.body.fiscalYears.map((y) => y.fiscalYear);
  const header = row([el("th", "項目 / Item")].concat(fys.map((fy) => el("th", `FY${fy}`))));
  header.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
  head.appendChild(header);
  for (const item of result.body.items) {
    state.names[item.id] = item.name.ja;
    const name = el("th", `${item.id} ${item.name.ja}`);
    name.setAttribute("scope", "row");
    body.appendChild(row([name].concat(item.years.map((y) => el("td", labels[y.state], `state-${y.state}`)))));
  }
}

function num(value, className) {
  return el("td", value, "num " + (className || ""));
}

async function loadHistory() {
  const result = await api(`${base()}/uploads`);
  if (result.status !== 200) return problem(result);
  const body = $("history").querySelector("tbody");
  body.replaceChildren();
  for (const u of result.body.uploads) {
    const show = el("button", "表示 Show");
    show.type = "button";
    show.setAttribute("aria-label", `報告を表示 / Show the report of ${u.name} (${u.uploadId})`);
    show.dataset.uploadId = u.uploadId;
    show.addEventListener("click", async () => {
      const report = await api(u.report);
      if (report.status === 200) showReport(report.body);
      else problem(report);
    });
    const cell = el("td");
    cell.appendChild(show);
    body.appendChild(row([new Date(u.receivedAt).toLocaleString("ja-JP"), u.name, el("td", labels[u.status] || u.status, `status-${u.status}`),
      `${u.observations} / ${u.evaluations} / ${u.errors}`, u.uploadedBy || "", el("td", u.reviewComment || "", "review-comment"), cell]));
  }
  if (result.body.uploads.length === 0) {
    const empty = el("td", "まだ提出はありません / No uploads yet", "empty");
    empty.colSpan = 6;
    body.appendChild(row([empty]));
  }
  labelCells($("history"));
}

function problem(result) {
  const b = result.body || {};
  progress(false);
  $("report").hidden = false;
  $("report-status").textContent = `${b.title || result.status}: ${b.detail || ""}`;
  $("report-status").className = "status status-rejected";
  $("report-counts").textContent = "";
  $("report-notice").hidden = true;
  $("problems").hidden = true;
  $("evaluations").hidden = true;
  $("values").hidden = true;
  if (b.report) showReport(b.report);
  else $("report-title").focus();
}

function progress(on, text) {
  $("progress").hidden = !on;
  $("progress-text").textContent = text || "";
}

async function send(mode) {
  const file = $("file").files[0];
  if (!file) return;
  progress(true, mode === "upload" ? "送信中… / Uploading…" : "検査中… / Checking…");
  $("report").hidden = true;
  const path = `${base()}/${mode === "upload" ? "uploads" : "validate"}?name=${encodeURIComponent(file.name)}`;
  const result = await api(path, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
  if (mode === "validate") {
    return result.status === 200 ? showReport(result.body) : problem(result);
  }
  if (result.status !== 202) return problem(result);
  progress(true, "取り込み中… / Processing…");
  for (let i = 0; i < 120; i++) {
    const report = await api(result.body.report);
    if (report.status === 200) {
      showReport(report.body);
      loadHistory();
      loadObligations();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  progress(false);
  problem({ status: 504, body: { title: "時間切れ / Timed out", detail: "報告がまだありません。履歴で後ほど確認してください。 / No report yet; check the history later." } });
}

document.addEventListener("DOMContentLoaded", () => {
  $("dev-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await api("/api/sign-in/development", { method: "POST", headers: { "content-type": "application/json" }, body: $("dev-choice").value });
    if (result.status === 204) start(); else problem(result);
  });
  $("sign-out").addEventListener("click", async () => {
    if (state.me && state.me.source === "entra_session") {
      // The server ends the portal session and names where to go next: Entra ID's end-session endpoint (so that the
      // next person on a shared computer is not signed straight back in) or the signed-out page. Not a reload: the
      // page would send the person straight back through the Entra ID sign-in.
      const result = await api("/api/sign-out", { method: "POST" });
      if (result.status === 200 && result.body && result.body.redirect) {
        window.location.assign(result.body.redirect);
        return;
      }
      if (result.status === 403) return problem(result);
      // 502: the portal session ended, but Entra ID could not be reached; say so once nobody is shown signed in.
      state.me = null;
      $("workspace").hidden = true;
      $("sign-out").hidden = true;
      await start();
      const b = result.body || {};
      $("who").textContent += ` — ${b.title || result.status}: ${b.detail || ""}`;
      return;
    }
    await api("/api/sign-out/development", { method: "POST" });
    window.location.reload();
  });
  $("acting").addEventListener("change", (event) => select(event.target.value));
  let mode = "upload";
  document.querySelectorAll("#upload-form button").forEach((b) => b.addEventListener("click", () => { mode = b.dataset.mode; }));
  $("upload-form").addEventListener("submit", (event) => { event.preventDefault(); send(mode); });
  $("file").addEventListener("change", () => {
    const f = $("file").files[0];
    $("chosen").textContent = f ? `選択: ${f.name}（${f.size.toLocaleString()} バイト / bytes）` : "選択されていません / No file chosen";
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    if (event.dataTransfer.files.length > 0) {
      $("file").files = event.dataTransfer.files;
      $("file").dispatchEvent(new Event("change"));
    }
  });
  $("show-en").addEventListener("change", () => {
    document.querySelectorAll(".en-col").forEach((n) => { n.hidden = !$("show-en").checked; });
  });
  start();
});
