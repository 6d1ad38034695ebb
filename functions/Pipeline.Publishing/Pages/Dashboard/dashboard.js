// Reads progress.json beside this page and renders basic policy → policy direction → indicator.
// No framework, no CDN: everything the page needs is published with it.
(function (words) {
  "use strict";
  var STATUS = {
    achieved: ["達成", "Achieved"], on_track: ["順調", "On track"], behind: ["遅れ", "Behind"],
    deteriorated: ["悪化", "Deteriorated"], no_data: ["データなし", "No data"]
  };
  var ORDER = ["achieved", "on_track", "behind", "deteriorated", "no_data"];
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
    var label = svg("text", { x: W - R, y: sy(indicator.target.value) + (sy(indicator.target.value) < T + 8 ? 10 : -3), "text-anchor": "end" }); label.textContent = "目標"; root.appendChild(label);
    axes(root, sx, sy, x0, x1, yMin, yMax, indicator.unit);
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
      ].concat(words.latestFlag(indicator)).concat(yearToDate(indicator))
        .concat(window.DashboardSummary.finalGrade(indicator))),
      continues(indicator),
      el("div", { "class": "chart-and-words" }, [chart(indicator), words.commentary(indicator)])
    ]);
    indicatorDetails(indicator).forEach(function (node) { card.appendChild(node); });
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
    return el("div", { "class": "table-scroll", tabindex: "0", role: "region", "aria-label": "重点取組の評価 " + policy.id + " / priority initiatives" }, [el("table", { "class": "evaluations" }, [
      el("caption", { text: "重点取組の評価 / Priority initiatives' evaluations (A 順調, B 概ね順調, C 遅れ, D 未着手)" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "取組 / initiative" })].concat(years.map(function (y) { return el("th", { scope: "col", text: "FY" + y }); })))]),
      el("tbody", {}, rows)
    ])]);
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
    window.DashboardSummary.render(feed);
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
    renderDownloads(feed);
    document.getElementById("loading").hidden = true;
    document.getElementById("summary").hidden = false;
    document.body.setAttribute("data-rendered", "true");
  }

  // ---- Depth: axes, the table, wards, revisions, notes, commentary, downloads (RULES.md §5, §8, §13) ----

  function fmt(value) { return value === null || value === undefined ? "—" : value.toLocaleString("ja-JP", { maximumFractionDigits: 1 }); }

  // Value ticks on the y axis (minimum, middle, maximum) and every fiscal year on the x axis.
  function axes(root, sx, sy, x0, x1, yMin, yMax, unit) {
    root.appendChild(svg("line", { "class": "axis", x1: sx(x0), x2: sx(x0), y1: sy(yMax), y2: sy(yMin) }));
    [yMin, (yMin + yMax) / 2, yMax].forEach(function (v) {
      var t = svg("text", { "class": "tick", x: sx(x0) - 3, y: sy(v) + 3, "text-anchor": "end" });
      t.textContent = fmt(Math.round(v * 10) / 10) + (unit === "%" ? "%" : "");
      root.appendChild(t);
      root.appendChild(svg("line", { "class": "grid", x1: sx(x0), x2: sx(x1), y1: sy(v), y2: sy(v) }));
    });
    // Fiscal years under the x axis, "FY2018" at the ends and two digits between, thinned to every step-th year
    // so that no two labels overlap (about 6 user units a character at 9px; a gap of 4).
    var per = (sx(x1) - sx(x0)) / Math.max(1, x1 - x0);
    var step = Math.max(1, Math.ceil((2 * 6 + 4) / per));
    var endWidth = 6 * 6;
    for (var y = x0; y <= x1; y++) {
      var edge = y === x0 || y === x1;
      if (!edge && ((y - x0) % step !== 0 || sx(y) - sx(x0) < endWidth + 10 || sx(x1) - sx(y) < endWidth + 10)) { continue; }
      var t = svg("text", { "class": "tick", x: sx(y), y: 118, "text-anchor": y === x0 ? "start" : y === x1 ? "end" : "middle" });
      t.textContent = edge ? "FY" + y : String(y).slice(2); root.appendChild(t);
    }
  }

  function revisionHistory(revisions, unit) {
    var list = el("ul", {}, revisions.map(function (r) {
      return el("li", { text: r.receivedAt.slice(0, 10) + " " + (r.areaCode) + (r.month ? " " + r.month + "月" : "") + ": " +
        fmt(r.previousValue) + unit + " → " + fmt(r.value) + unit + "（" + r.departmentId + "）" });
    }));
    return el("details", { "class": "revisions", "data-revisions": String(revisions.length) }, [
      el("summary", { text: "✎ 修正あり（" + revisions.length + "件）/ revised" }), list]);
  }

  // The table view of the chart: baseline, every fiscal year, the target; a screen reader's alternative to it.
  function dataTable(indicator, notes) {
    var rows = [el("tr", { "data-row": "baseline" }, [el("th", { scope: "row", text: "基準 FY" + indicator.baseline.fiscalYear }),
      el("td", { text: fmt(indicator.baseline.value) }), el("td", { text: "" }), el("td", { text: "" })])];
    indicator.actuals.forEach(function (a) {
      var revisions = a.revisions || [];
      var cell = el("td", { "data-field": "value" }, [fmt(a.value) + (a.partial ? "（一部）" : ""),
        notes.mark(a, "FY" + a.fiscalYear)]);
      if (revisions.length > 0) { cell.appendChild(revisionHistory(revisions, indicator.unit)); }
      rows.push(el("tr", { "data-fy": String(a.fiscalYear), "data-revised": revisions.length > 0 ? "true" : "false" }, [
        el("th", { scope: "row", text: "FY" + a.fiscalYear }), cell,
        el("td", { text: a.achievementRatePercent === null ? "—" : a.achievementRatePercent.toFixed(1) + "%" }),
        el("td", {}, [statusBadge(a.status)])]));
    });
    rows.push(el("tr", { "data-row": "target" }, [el("th", { scope: "row", text: "目標 FY" + indicator.target.fiscalYear }),
      el("td", { "data-field": "target-value", text: fmt(indicator.target.value) }), el("td", { text: "100%" }), el("td", { text: "" })]));
    return el("div", { "class": "table-scroll" }, [el("table", { "class": "data", "data-table": "actuals" }, [
      el("caption", { text: "実績と目標（単位：" + indicator.unit + "）/ actuals and target" }),
      el("thead", {}, [el("tr", {}, ["年度 FY", "実績 value", "達成率 rate", "状況 status"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows)])]);
  }

  // The ward breakdown: a bar chart of the latest fiscal year with wards, and a table of every year.
  function wardBreakdown(indicator, notes) {
    var withAreas = indicator.actuals.filter(function (a) { return a.areas.length > 0; });
    if (withAreas.length === 0) { return null; }
    var latest = withAreas[withAreas.length - 1];
    var max = Math.max.apply(null, latest.areas.map(function (w) { return w.value; }).concat([1]));
    var W = 300, row = 18, L = 56, H = latest.areas.length * row + 6;
    var bars = svg("svg", { "class": "wards", viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-label": "区別の実績 FY" + latest.fiscalYear + " / values by ward (the table below has the same figures)" });
    latest.areas.forEach(function (w, i) {
      var y = 3 + i * row, width = (W - L - 56) * w.value / max;
      var name = svg("text", { x: L - 4, y: y + 12, "text-anchor": "end" }); name.textContent = w.name.ja; bars.appendChild(name);
      bars.appendChild(svg("rect", { x: L, y: y + 2, width: Math.max(1, width), height: row - 6, "class": "ward-bar" }));
      var v = svg("text", { x: L + width + 4, y: y + 12 }); v.textContent = fmt(w.value) + indicator.unit; bars.appendChild(v);
    });
    var codes = [], names = {};
    withAreas.forEach(function (a) { a.areas.forEach(function (w) { if (!names[w.code]) { names[w.code] = w.name.ja; codes.push(w.code); } }); });
    var table = el("table", { "class": "data", "data-table": "wards" }, [
      el("caption", { text: "区別の実績（単位：" + indicator.unit + "）/ by ward" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "区 ward" })].concat(withAreas.map(function (a) { return el("th", { scope: "col", text: "FY" + a.fiscalYear }); })))]),
      el("tbody", {}, codes.map(function (code) {
        return el("tr", { "data-ward": code }, [el("th", { scope: "row", text: names[code] })].concat(withAreas.map(function (a) {
          var w = a.areas.filter(function (x) { return x.code === code; })[0];
          var revised = (a.revisions || []).filter(function (r) { return r.areaCode === code; }).length > 0;
          return el("td", {}, [(w ? fmt(w.value) : "—") + (revised ? " ✎" : ""),
            w ? notes.mark(w, "FY" + a.fiscalYear + " " + w.name.ja) : null]);
        })));
      }))]);
    return el("details", { "class": "ward-breakdown", open: "" }, [
      el("summary", { text: "区別 / by ward（FY" + latest.fiscalYear + "）" }), bars, el("div", { "class": "table-scroll" }, [table])]);
  }

  function indicatorDetails(indicator) {
    var notes = words.footnotes();
    return [dataTable(indicator, notes), wardBreakdown(indicator, notes), notes.list(),
      el("p", { "class": "downloads-inline" }, ["Open SDG: ",
        el("a", { href: "open-sdg/data/indicator_" + indicator.id + ".csv", text: "CSV" }), " · ",
        el("a", { href: "open-sdg/meta/" + indicator.id + ".yml", text: "meta" })])
    ].filter(function (n) { return n; });
  }

  function renderDownloads(feed) {
    var links = [["progress.json", "JSON"], ["progress.csv", "CSV（自治体標準データセット形式）"], ["revisions.csv", "修正履歴 revisions CSV"],
      ["progress.sdmx.csv", "SDMX-CSV"], ["progress.dsd.xml", "SDMX 構造定義 DSD"], ["progress.csv-metadata.json", "CSVW"],
      ["datapackage.json", "Data Package"], ["progress-report.xlsx", "推進会議資料 workbook (xlsx)"],
      ["progress-report.docx", "進捗状況報告書 committee's report (docx)"], ["progress.schema.json", "JSON Schema"],
      ["progress-all.zip", "すべてのファイル zip / all files"], ["../progress-all.zip", "全計画 zip / every plan"]];
    var list = el("ul", { "class": "downloads" }, links.map(function (l) { return el("li", {}, [el("a", { href: l[0], download: "", text: l[1] })]); }));
    var osdg = el("li", {}, ["Open SDG: "].concat(feed.indicators.map(function (i, n) {
      return el("span", {}, [n > 0 ? " · " : "", el("a", { href: "open-sdg/data/indicator_" + i.id + ".csv", text: i.id })]);
    })));
    list.appendChild(osdg);
    var section = el("section", { id: "downloads", "aria-labelledby": "downloads-title" }, [
      el("h2", { id: "downloads-title" }, ["データのダウンロード ", el("span", { "class": "en", lang: "en", text: "Downloads" })]),
      list,
      el("p", { "class": "license", text: feed.licenseDetail.sourceLine.ja }),
      el("p", { "class": "license", text: feed.licenseDetail.derivedUse.ja + "。" + feed.licenseDetail.editedData.ja }),
      el("p", { "class": "license", text: feed.licenseDetail.compatibility.ja })]);
    document.getElementById("main").appendChild(section);
  }

  fetch("progress.json", { cache: "no-cache" })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(render)
    .catch(function (e) {
      var p = document.getElementById("loading");
      p.textContent = "データを読み込めませんでした / Could not load progress.json: " + e.message;
      p.setAttribute("role", "alert");
    });
})(window.DashboardWords);
