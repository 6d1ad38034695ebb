// The upload report on the portal page (loaded before portal.js, whose state, el, row, num, labels and progress it
// uses when called): problems located, the values and evaluations read with the names of indicators, initiatives and
// areas beside their ids and codes; every text put on the page with textContent, never as markup.
"use strict";

// The table's column headings (Japanese part) on each cell, for the phone layout that shows a row as a block.
function labelCells(table) {
  const headings = [...table.querySelectorAll("thead th")].map((th) => th.firstChild ? th.firstChild.textContent.trim() : "");
  table.querySelectorAll("tbody tr").forEach((tr) => {
    [...tr.children].forEach((cell, i) => { if (headings[i] && !cell.classList.contains("empty")) cell.dataset.label = headings[i]; });
  });
}

// "I-1-K1 民生委員…" for an id the department's items name; the id alone where none does.
function named(id) {
  return state.names[id] ? `${id} ${state.names[id]}` : id;
}

// "431010 中央区" for a code of the plan's areas.
function area(code) {
  return state.areas[code] ? `${code} ${state.areas[code]}` : code;
}

function showReport(report) {
  progress(false);
  $("report").hidden = false;
  $("report-status").textContent = `${report.fileName || report.blobName.split("/").pop()}: ${labels[report.status] || report.status}`;
  $("report-status").className = `status status-${report.status}`;
  // RULES.md §14: not yet published until the secretariat approves; its decision and comment, once taken.
  $("report-review").textContent = report.review
    ? `事務局の判断 / secretariat: ${labels[report.review.decision] || report.review.decision}` +
      (report.review.comment ? ` — ${report.review.comment}` : "")
    : report.status === "pending_review" ? "事務局の確認後に公開されます / published once the secretariat approves it" : "";
  const c = report.counts;
  $("report-counts").textContent = `読んだ行 ${c.rowsRead}、値 ${c.observations} 件、評価 ${c.evaluations} 件、エラー ${c.errors} 件、警告 ${c.warnings} 件 / ` +
    `${c.rowsRead} rows read, ${c.observations} values, ${c.evaluations} evaluations, ${c.errors} errors, ${c.warnings} warnings`;
  // What the status means for the department's data: the upload received last wins; what a duplicate repeats.
  $("report-notice").hidden = !report.notice;
  $("report-notice-ja").textContent = report.notice ? report.notice.ja : "";
  $("report-notice-en").textContent = report.notice ? report.notice.en : "";
  const problems = $("problems").querySelector("tbody");
  problems.replaceChildren();
  for (const p of report.problems) {
    const en = el("td", p.message.en, "en-col");
    en.lang = "en";
    en.hidden = !$("show-en").checked;
    problems.appendChild(row([el("td", labels[p.severity] || p.severity, `severity-${p.severity}`), p.sheet || "—", p.row || "—", p.column || "—", p.message.ja, en]));
  }
  $("problems").hidden = report.problems.length === 0;
  labelCells($("problems"));
  const evaluations = $("evaluations").querySelector("tbody");
  evaluations.replaceChildren();
  for (const e of (report.evaluations || []).slice(0, 200)) {
    evaluations.appendChild(row([named(e.initiativeId), `FY${e.fiscalYear}`, String(e.rating).toUpperCase()]));
  }
  $("evaluations").hidden = evaluations.children.length === 0;
  labelCells($("evaluations"));
  const values = $("values").querySelector("tbody");
  values.replaceChildren();
  for (const v of (report.values || []).slice(0, 200)) {
    values.appendChild(row([named(v.indicatorId), `FY${v.fiscalYear}`, area(v.areaCode), v.month || "—", num(v.value),
      [v.flag ? labels[v.flag] || v.flag : "", v.note || ""].filter(Boolean).join(" / ")]));
  }
  $("values").hidden = values.children.length === 0;
  labelCells($("values"));
  $("report-title").focus();
}

