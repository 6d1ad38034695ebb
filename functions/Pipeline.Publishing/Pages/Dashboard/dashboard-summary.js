// The summary at the top of the dashboard: how the plan is doing in one screen — the indicators' statuses per basic
// policy as a stacked bar with its numbers written beside it (the bar is drawn from the same counts), and for a
// closed plan the final grades A–E per basic policy (RULES.md §11, finalGradeCounts), and each indicator's own.
// Loaded before dashboard.js, which calls DashboardSummary.render(feed) and DashboardSummary.finalGrade(indicator).
(function () {
  "use strict";
  var ORDER = ["achieved", "on_track", "behind", "deteriorated", "no_data"];
  var LABEL = {
    achieved: ["達成", "achieved"], on_track: ["順調", "on track"], behind: ["遅れ", "behind"],
    deteriorated: ["悪化", "deteriorated"], no_data: ["データなし", "no data"]
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      // A style through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows.
      if (k === "text") { node.textContent = attrs[k]; } else if (k === "style") { node.style.cssText = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return node;
  }

  var GRADES = [["A", "目標値に達した", "target reached"], ["B", "改善傾向", "improved"], ["C", "変わらない", "no change"],
    ["D", "悪化", "worse"], ["E", "評価困難", "cannot be evaluated"]];

  function total(counts) { return ORDER.reduce(function (n, s) { return n + (counts[s] || 0); }, 0); }

  // One basic policy: its name, a bar of its indicators by status (widths from the counts) and the counts in words.
  function grades(counts) {
    if (!counts) { return null; }
    var words = GRADES.map(function (g) { return g[0] + " " + (counts[g[0]] || 0); }).join("・");
    return el("span", { "class": "summary-grades", "data-final-grades": words, text: "最終評価 / final grades：" + words });
  }

  function row(id, name, counts, finalCounts) {
    var n = total(counts);
    var words = ORDER.filter(function (s) { return counts[s] > 0; })
      .map(function (s) { return LABEL[s][0] + " " + counts[s]; }).join("・");
    var bar = el("div", { "class": "stack", role: "img", "aria-label": name + "：" + (words || "指標なし") });
    ORDER.forEach(function (s) {
      if (counts[s] > 0) {
        bar.appendChild(el("span", { "class": "seg " + s, "data-status": s, style: "width:" + (100 * counts[s] / n) + "%" }));
      }
    });
    return el("li", { "class": "summary-row", "data-basic-policy": id }, [
      el("span", { "class": "summary-name", text: name }),
      n > 0 ? bar : null,
      el("span", { "class": "summary-counts", "aria-hidden": "true", text: (words || "指標なし / no indicators") + "（計 " + n + "）" }),
      grades(finalCounts)
    ]);
  }

  function legend() {
    return el("ul", { "class": "legend", "aria-label": "凡例 / legend" }, ORDER.map(function (s) {
      return el("li", {}, [el("span", { "class": "swatch " + s, "aria-hidden": "true" }), LABEL[s][0] + " " + LABEL[s][1]]);
    }));
  }

  function render(feed) {
    var closed = feed.plan.status === "closed";
    var list = el("ul", { "class": "summary-chart", id: "summary-chart" });
    feed.basicPolicies.forEach(function (b) {
      list.appendChild(row(b.id, "基本方針 " + b.id + " " + b.name.ja, b.statusCounts, closed ? b.finalGradeCounts : null));
    });
    var section = document.getElementById("summary");
    var counts = document.getElementById("overall-counts");
    section.insertBefore(legend(), counts);
    section.insertBefore(list, counts);
    if (closed && feed.basicPolicies.some(function (b) { return b.finalGradeCounts; })) {
      section.insertBefore(el("p", { "class": "grade-legend", id: "grade-legend", text: "最終評価 / final grades：" +
        GRADES.map(function (g) { return g[0] + " " + g[1] + " " + g[2]; }).join("、") }), counts);
    }
  }

  // RULES.md §11 on each indicator of a closed plan: its final grade, the year and value it was judged on, and why.
  function finalGrade(indicator) {
    var f = indicator.finalEvaluation;
    if (!f) { return []; }
    var value = f.value == null ? "—"
      : f.value.toLocaleString("ja-JP", { maximumFractionDigits: 1 }) + (indicator.unit || "");
    var on = f.fiscalYear == null ? "" : "（FY" + f.fiscalYear + " " + value + "）";
    return [el("dt", { text: "最終評価 / final grade" }),
      el("dd", { "data-field": "final-grade", "data-grade": f.grade, "data-reason": f.reason,
        text: f.grade + " " + f.label.ja + on + (f.label.en ? " / " + f.label.en : "") })];
  }

  window.DashboardSummary = { render: render, finalGrade: finalGrade };
})();
