// RULES.md §14 in the portal: the plan secretariat's page (every department's obligations, the review queue with
// old → new per key, approve / return with a comment, confirm / reopen fiscal years, who did what, and the
// addresses reminders go to: RULES.md §12) and the department's commentary form. Loaded before portal.js, whose $,
// el, row and api it uses when called (as portal-report.js does). Every text from the server or a file is set with
// textContent, never as markup.
"use strict";

window.Review = (() => {
  const words = { approve: "承認 approve", return: "差戻し return", confirm: "確定 confirm", reopen: "再開 reopen",
    commentary: "評価・課題の入力 commentary", accepted: "承認済み approved", returned: "差戻し returned",
    pending_review: "公開前 not yet published" };

  // portal.js's api with a JSON body.
  function send(path, method, body) {
    return api(path, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  }

  function labelled(labelText, control) {
    const label = el("label", labelText);
    label.htmlFor = control.id;
    return label;
  }

  function button(text, onClick) {
    const b = el("button", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  let current = null;

  async function secretariat(plan, problem) {
    current = { plan, problem, base: `/api/plans/${encodeURIComponent(plan.planId)}` };
    await Promise.all([overview(), queue(), contacts()]);
  }

  // RULES.md §12: the addresses reminders go to, per department and the secretariat (in copy of overdue ones).
  async function contacts() {
    const result = await api(`${current.base}/contacts`);
    if (result.status !== 200) return current.problem(result);
    const body = $("contacts").querySelector("tbody");
    body.replaceChildren();
    // What each line held when it was read: a save sends only the lines changed on this page since, so that a
    // change another member of the secretariat saved meanwhile to another line stands (the server keeps whoever
    // the request leaves out).
    const loaded = new Map();
    const line = (id, name, addresses) => {
      const input = el("input");
      input.id = id;
      input.type = "text";
      input.value = addresses.join(", ");
      loaded.set(id, input.value);
      const th = el("th");
      th.scope = "row";
      th.appendChild(labelled(name, input));
      const td = el("td");
      td.appendChild(input);
      body.appendChild(row([th, td]));
    };
    for (const d of result.body.departments) {
      line(`contact-${d.departmentId}`, `${d.name.ja}（${d.departmentId}）`, d.addresses);
    }
    line("contact-secretariat", "事務局（期限超過の写し） secretariat (cc of overdue)", result.body.secretariat);
    $("contacts-form").onsubmit = async (event) => {
      event.preventDefault();
      const form = $("contacts-form");
      const changed = (id) => $(id).value !== loaded.get(id);
      const change = { departments: {} };
      for (const d of result.body.departments) {
        if (changed(`contact-${d.departmentId}`)) change.departments[d.departmentId] = $(`contact-${d.departmentId}`).value;
      }
      if (changed("contact-secretariat")) change.secretariat = $("contact-secretariat").value;
      if (change.secretariat === undefined && Object.keys(change.departments).length === 0) {
        $("contacts-result").textContent = "変更はありません / nothing has changed";
        return;
      }
      // Nothing can be typed (or saved twice) until the save is answered and what was saved is read back into the
      // form: the read-back replaces the lines, so a text typed meanwhile would be lost.
      const controls = [...form.querySelectorAll("input, button")];
      for (const c of controls) c.disabled = true;
      try {
        const saved = await send(`${current.base}/contacts`, "PUT", change);
        // Said beside the form: the report's box, where current.problem writes, is the departments' page.
        const b = saved.body || {};
        $("contacts-result").textContent = saved.status === 200 ? "保存しました / saved"
          : `${b.title || saved.status}: ${b.detail || ""}`;
        if (saved.status === 200) await contacts();
      } finally {
        // The button, and the lines as they were where the save was refused.
        for (const c of controls) c.disabled = false;
      }
    };
  }

  async function overview() {
    const result = await api(`${current.base}/overview`);
    if (result.status !== 200) return current.problem(result);
    const o = result.body;
    const body = $("overview").querySelector("tbody");
    body.replaceChildren();
    for (const d of o.departments) {
      for (const y of d.fiscalYears) {
        const name = el("th", `${d.name.ja}（${d.departmentId}）`);
        name.scope = "row";
        body.appendChild(row([name, `FY${y.fiscalYear}`, y.received, y.missing, el("td", y.overdue, y.overdue ? "state-overdue" : ""),
          el("td", y.pendingReview, y.pendingReview ? "state-pending" : ""), el("td", y.returned, y.returned ? "state-returned" : "")]));
      }
    }
    const years = $("years").querySelector("tbody");
    years.replaceChildren();
    for (const y of o.fiscalYears) years.appendChild(yearRow(y));
    const audit = $("audit").querySelector("tbody");
    audit.replaceChildren();
    for (const a of o.recentActions) {
      const on = [a.departmentId, a.uploadId, a.fiscalYear ? `FY${a.fiscalYear}` : null, a.indicatorId].filter(Boolean).join(" ");
      audit.appendChild(row([new Date(a.at).toLocaleString("ja-JP"), words[a.action] || a.action, `${a.actorName}（${a.actorId}）`, on, a.reason || ""]));
    }
  }

  function yearRow(y) {
    const state = y.confirmed ? `確定 confirmed（${new Date(y.confirmedAt).toLocaleString("ja-JP")}）`
      : y.reopenedAt ? `再開 reopened: ${y.reopenReason}` : "未確定 not confirmed";
    const action = el("td");
    const reason = el("input");
    reason.id = `reason-${y.fiscalYear}`;
    reason.type = "text";
    const go = button(y.confirmed ? `FY${y.fiscalYear} を再開 Reopen` : `FY${y.fiscalYear} を確定 Confirm`, async () => {
      const verb = y.confirmed ? "reopen" : "confirm";
      const result = await send(`${current.base}/fiscal-years/${y.fiscalYear}/${verb}`, "POST", { reason: reason.value });
      if (result.status !== 200) return current.problem(result);
      await overview();
    });
    action.append(labelled(y.confirmed ? "再開の理由 Reason to reopen" : "理由（任意） Reason (optional)", reason), reason, go);
    return row([`FY${y.fiscalYear}`, el("td", state, y.confirmed ? "state-received" : ""), action]);
  }

  async function queue() {
    const result = await api(`${current.base}/review`);
    if (result.status !== 200) return current.problem(result);
    const list = $("queue");
    list.replaceChildren();
    $("queue-empty").hidden = result.body.pending.length > 0;
    for (const u of result.body.pending) list.appendChild(pendingUpload(u));
  }

  function pendingUpload(u) {
    const article = el("article", null, "pending");
    article.dataset.upload = u.uploadId;
    const title = el("h3", `${u.fileName} — ${u.departmentId}（${new Date(u.receivedAt).toLocaleString("ja-JP")}）`);
    title.id = `pending-${u.uploadId}`;
    article.setAttribute("aria-labelledby", title.id);
    const table = el("table", null, "changes");
    table.appendChild(el("caption", "変更される値（現在 → 新しい値） / Changes (now → new)"));
    const head = row(["指標 Indicator", "年度 FY", "地域 Area", "月 Month", "現在 Now", "新 New"].map((h) => el("th", h)));
    head.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    for (const c of u.changes) {
      const flag = (f) => (f ? `（${words[f] || f}）` : "");
      body.appendChild(row([c.indicatorId, `FY${c.fiscalYear}`, c.areaCode, c.month || "—",
        el("td", c.previousValue === null ? "—" : `${c.previousValue}${flag(c.previousFlag)}`, "num"),
        el("td", `${c.value}${flag(c.flag)}`, "num change-new")]));
    }
    const comment = el("textarea");
    comment.id = `comment-${u.uploadId}`;
    comment.rows = 2;
    const decide = (decision) => async () => {
      const result = await send(`${current.base}/review/${encodeURIComponent(u.uploadId)}`, "POST", { decision, comment: comment.value });
      if (result.status !== 200) return current.problem(result);
      await Promise.all([overview(), queue()]);
    };
    const said = u.commentary.map((c) => el("p", `FY${c.fiscalYear} ${c.indicatorId}: ` +
      [c.assessment, c.issues, c.nextSteps].filter(Boolean).map((t) => t.ja).join(" ／ "), "said"));
    article.append(title, el("div", null, "scroll"), ...said, labelled("コメント（差戻しには必須） Comment (required to return)", comment), comment,
      button("承認 Approve", decide("approve")), button("差戻し Return", decide("return")));
    article.querySelector("div.scroll").appendChild(table);
    return article;
  }

  function commentaryForm(base, problem) {
    const form = $("words-form");
    const indicators = $("words-indicator");
    const years = $("words-year");
    api(`${base}/obligations`).then(({ body: o }) => {
      indicators.replaceChildren(...o.items.filter((i) => i.kind === "indicator").map((i) => {
        const option = el("option", `${i.id} ${i.name.ja}`);
        option.value = i.id;
        return option;
      }));
      years.replaceChildren(...o.fiscalYears.map((y) => {
        const option = el("option", `FY${y.fiscalYear}`);
        option.value = String(y.fiscalYear);
        return option;
      }).reverse());
      $("words-work").hidden = indicators.options.length === 0;
    });
    const part = (ja, en) => ($(ja).value.trim() ? { ja: $(ja).value, en: $(en).value.trim() || null } : null);
    form.onsubmit = async (event) => {
      event.preventDefault();
      const body = { assessment: part("words-assessment", "words-assessment-en"), issues: part("words-issues", "words-issues-en"),
        nextSteps: part("words-next", "words-next-en") };
      const path = `${base}/commentary/${encodeURIComponent(indicators.value)}/${encodeURIComponent(years.value)}`;
      const result = await send(path, "PUT", body);
      if (result.status !== 200) return problem(result);
      $("words-result").textContent = `保存しました: ${words[result.body.status] || result.body.status} / saved`;
    };
  }

  return { secretariat, commentaryForm };
})();
