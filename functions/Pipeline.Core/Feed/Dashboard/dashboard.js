// Reads progress.json beside this page and renders basic policy → policy direction → indicator.
// No framework, no CDN: everything the page needs is published with it.
(function () {
  "use strict";
  var STATUS = {
    achieved: ["達成", "Achieved"], on_track: ["順調", "On track"], behind: ["遅れ", "Behind"],
    deteriorated: ["悪化", "Deteriorated"], no_data: ["データなし", "No data"]
  };
  var ORDER = ["achieved", "on_track", "behind", "deteriorated", "no_data"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function number(value, unit) {
    if (value === null || value === undefined) { return "—"; }
    return value.toLocaleString("ja-JP", { maximumFractionDigits: 1 }) + (unit || "");
  }
  function statusBadge(status) {
    var s = STATUS[status] || STATUS.no_data;
    return el("span", { "class": "status " + status, "data-status": status, text: s[0] + " " + s[1] });
  }

  function chart(indicator) {
    var points = [];
    var ytd = indicator.yearToDate;
    if (indicator.baseline.value !== null) { points.push([indicator.baseline.fiscalYear, indicator.baseline.value]); }
    // The year to date is drawn apart (a hollow point), never as part of the series.
    indicator.actuals.forEach(function (a) { if (a.value !== null && !(ytd && a.fiscalYear === ytd.fiscalYear)) { points.push([a.fiscalYear, a.value]); } });
    var x0 = indicator.baseline.fiscalYear, x1 = indicator.target.fiscalYear;
    var ys = points.map(function (p) { return p[1]; }).concat([indicator.target.value]);
    var yMin = Math.min.apply(null, ys.concat([indicator.baseline.value === null ? 0 : indicator.baseline.value])), yMax = Math.max.apply(null, ys);
    if (yMax === yMin) { yMax = yMin + 1; }
    var W = 300, H = 120, L = 34, R = 8, T = 8, B = 18;
    function sx(x) { return L + (x - x0) / (x1 - x0) * (W - L - R); }
    function sy(y) { return T + (1 - (y - yMin) / (yMax - yMin)) * (H - T - B); }
    var root = svg("svg", { "class": "chart", viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-label": "実績と目標への線形の道筋 / actuals against the linear trajectory to the target" });
    root.appendChild(svg("line", { "class": "target", x1: L, x2: W - R, y1: sy(indicator.target.value), y2: sy(indicator.target.value) }));
    if (indicator.baseline.value !== null) {
      root.appendChild(svg("polyline", { "class": "trajectory", points: sx(x0) + "," + sy(indicator.baseline.value) + " " + sx(x1) + "," + sy(indicator.target.value) }));
    }
    if (points.length > 0) {
      root.appendChild(svg("polyline", { "class": "actual", points: points.map(function (p) { return sx(p[0]) + "," + sy(p[1]); }).join(" ") }));
      points.forEach(function (p) { root.appendChild(svg("circle", { cx: sx(p[0]), cy: sy(p[1]), r: 2.5, fill: "currentColor" })); });
    }
    if (ytd && ytd.fiscalYear <= x1) {
      root.appendChild(svg("circle", { "class": "ytd", cx: sx(ytd.fiscalYear), cy: sy(Math.max(yMin, Math.min(yMax, ytd.value))), r: 3, fill: "none", stroke: "currentColor" }));
    }
    [[x0, "start"], [x1, "end"]].forEach(function (x) {
      var t = svg("text", { x: sx(x[0]), y: H - 4, "text-anchor": x[1] }); t.textContent = "FY" + x[0]; root.appendChild(t);
    });
    var label = svg("text", { x: 2, y: sy(indicator.target.value) + 3 }); label.textContent = "目標"; root.appendChild(label);
    return root;
  }

  // RULES.md §4: the year in progress (or a monthly flow with months missing) is shown as year to date, never as a status.
  function yearToDate(indicator) {
    var y = indicator.yearToDate;
    if (!y) { return []; }
    var months = y.monthsReported ? "・" + y.monthsReported + "か月 / " + y.monthsReported + " months" : "";
    return [el("dt", { text: "年度途中 / year to date" }),
      el("dd", { "data-field": "year-to-date", text: number(y.value, indicator.unit) + "（FY" + y.fiscalYear + months + "）" })];
  }

  // RULES.md §7: the series an indicator carries on, linked, with the note where the definition changed.
  function continues(indicator) {
    var c = indicator.continues;
    if (!c) { return null; }
    var link = el("a", { href: "../" + encodeURIComponent(c.planId) + "/index.html#ind-" + encodeURIComponent(c.indicatorId),
      "data-field": "continues", text: c.planId + " " + c.indicatorId });
    return el("p", { "class": "continues" }, ["前計画からの継続 / continues ", link].concat(c.note ? [
      el("br"), el("span", { "class": "note", "data-field": "continues-note", text: "※ " + c.note.ja }),
      c.note.en ? el("span", { "class": "en", lang: "en", text: " " + c.note.en }) : null] : []));
  }

  function indicatorCard(indicator) {
    var rate = indicator.achievementRatePercent;
    var width = rate === null ? 0 : Math.max(0, Math.min(100, rate));
    var latest = indicator.latest;
    var heading = el("h4", { id: "ind-" + indicator.id }, [indicator.id + " " + indicator.name.ja]);
    var card = el("article", { "class": "indicator", "data-indicator": indicator.id, "aria-labelledby": "ind-" + indicator.id, tabindex: "0" }, [
      heading,
      el("p", { "class": "en", lang: "en", text: indicator.name.en || "" }),
      el("p", {}, [statusBadge(indicator.status), indicator.overdue ? el("span", { "class": "overdue", "data-overdue": "true", text: "⚠ 報告期限超過 / overdue" }) : null]),
      el("div", { "class": "bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(width),
        "aria-label": "達成率 / achievement rate" }, [el("span", { style: "width:" + width + "%;background:var(--" + indicator.status + ")" })]),
      el("dl", { "class": "figures" }, [
        el("dt", { text: "最新 / latest" }), el("dd", { "data-field": "latest", text: latest ? number(latest.value, indicator.unit) + "（FY" + latest.fiscalYear + "）" : "—" }),
        el("dt", { text: "基準 / baseline" }), el("dd", { text: number(indicator.baseline.value, indicator.unit) + "（FY" + indicator.baseline.fiscalYear + "）" }),
        el("dt", { text: "目標 / target" }), el("dd", { "data-field": "target", text: number(indicator.target.value, indicator.unit) + "（FY" + indicator.target.fiscalYear + "）" }),
        el("dt", { text: "達成率 / rate" }), el("dd", { "data-field": "rate", text: rate === null ? "—" : rate.toFixed(1) + "%" }),
        el("dt", { text: "方向 / direction" }), el("dd", { "data-field": "direction", "data-direction": indicator.direction,
          text: indicator.direction === "decrease" ? "↓ 減らす（低いほど良い）/ lower is better" : "↑ 増やす / higher is better" })
      ].concat(yearToDate(indicator))),
      continues(indicator),
      chart(indicator)
    ]);
    return card;
  }

  function priorityTable(policy, years) {
    var rows = [];
    policy.measures.forEach(function (m) {
      m.initiatives.filter(function (i) { return i.priority; }).forEach(function (i) {
        var byYear = {};
        i.evaluations.forEach(function (e) { byYear[e.fiscalYear] = e; });
        rows.push(el("tr", { "data-initiative": i.id }, [el("th", { scope: "row", text: "【重点】" + i.name.ja })].concat(years.map(function (y) {
          var e = byYear[y];
          return el("td", { "class": "rating", title: e ? e.label.ja + " / " + e.label.en : "未評価 / not rated", text: e ? e.rating + " " + e.label.ja : "—" });
        }))));
      });
    });
    if (rows.length === 0) { return null; }
    return el("table", { "class": "evaluations" }, [
      el("caption", { text: "重点取組の評価 / Priority initiatives' evaluations (A 順調, B 概ね順調, C 遅れ, D 未着手)" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "取組 / initiative" })].concat(years.map(function (y) { return el("th", { scope: "col", text: "FY" + y }); })))]),
      el("tbody", {}, rows)
    ]);
  }

  function counts(statusCounts) {
    return ORDER.map(function (s) { return el("li", { "data-count": s }, [statusBadge(s), " " + statusCounts[s]]); });
  }

  function render(feed) {
    document.getElementById("plan-name").textContent = feed.plan.name.ja + " 進捗状況";
    document.getElementById("plan-name-en").textContent = (feed.plan.name.en || "") + " — progress";
    document.title = feed.plan.name.ja + " 進捗状況";
    document.getElementById("period").textContent = "計画期間 FY" + feed.plan.startFiscalYear + "–FY" + feed.plan.endFiscalYear + " · " + feed.plan.publisher.name.ja + "（" + feed.plan.publisher.localGovernmentCode + "）";
    document.getElementById("generated").textContent = "更新 / updated " + feed.generatedAt.replace("T", " ").slice(0, 16) + " JST";
    var status = document.getElementById("plan-status");
    status.setAttribute("data-plan-status", feed.plan.status);
    status.textContent = feed.plan.status === "closed"
      ? "この計画は終了しました（実績の修正は受け付けています）/ This plan has closed (corrections are still accepted)"
      : "運用中の計画 / Active plan";
    document.getElementById("attribution").textContent = feed.licenseDetail.attribution.ja;
    var total = {}; ORDER.forEach(function (s) { total[s] = 0; });
    feed.basicPolicies.forEach(function (b) { ORDER.forEach(function (s) { total[s] += b.statusCounts[s]; }); });
    counts(total).forEach(function (li) { document.getElementById("overall-counts").appendChild(li); });
    document.getElementById("freshness").textContent = feed.freshness.overdueIndicators > 0
      ? "⚠ " + feed.freshness.overdueIndicators + " 指標で FY" + feed.freshness.lastDueFiscalYear + " の実績が未報告です / " + feed.freshness.overdueIndicators + " indicators lack FY" + feed.freshness.lastDueFiscalYear + " results"
      : "";
    var years = []; for (var y = feed.plan.startFiscalYear; y <= feed.plan.endFiscalYear; y++) { years.push(y); }
    var byId = {}; feed.indicators.forEach(function (i) { byId[i.id] = i; });
    var container = document.getElementById("policies");
    feed.basicPolicies.forEach(function (b) {
      var section = el("section", { "class": "basic-policy", "aria-labelledby": "bp-" + b.id }, [
        el("h2", { id: "bp-" + b.id }, ["基本方針 " + b.id + " " + b.name.ja + " ", el("span", { "class": "en", lang: "en", text: b.name.en || "" })]),
        el("ul", { "class": "counts" }, counts(b.statusCounts))
      ]);
      feed.policies.filter(function (p) { return p.basicPolicyId === b.id; }).forEach(function (p) {
        section.appendChild(el("h3", { id: "p-" + p.id }, ["施策方針 " + p.id + " " + p.name.ja + " ", el("span", { "class": "en", lang: "en", text: p.name.en || "" })]));
        section.appendChild(el("div", { "class": "indicators" }, p.indicatorIds.map(function (id) { return indicatorCard(byId[id]); })));
        var table = priorityTable(p, years);
        if (table) { section.appendChild(table); }
      });
      container.appendChild(section);
    });
    document.getElementById("loading").hidden = true;
    document.getElementById("summary").hidden = false;
    document.body.setAttribute("data-rendered", "true");
  }

  fetch("progress.json", { cache: "no-cache" })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(render)
    .catch(function (e) {
      var p = document.getElementById("loading");
      p.textContent = "データを読み込めませんでした / Could not load progress.json: " + e.message;
      p.setAttribute("role", "alert");
    });
})();
