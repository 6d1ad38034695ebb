// RULES.md §13 on the dashboard: each value's flag and note as a footnote, and the department's own words beside
// the chart. Loaded before dashboard.js, which uses these. Every text from the feed is set as text, never as markup.
window.DashboardWords = (function () {
  "use strict";
  // A value's flag, as the department gave it.
  var FLAG = { provisional: ["速報値", "provisional"], estimate: ["推計", "estimate"],
    definition_change: ["定義変更", "definition change"] };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return node;
  }

  // RULES.md §13: the latest value's flag (速報値, 推計, 定義変更) beside it.
  function latestFlag(indicator) {
    var latest = indicator.latest;
    var actual = latest
      ? indicator.actuals.filter(function (a) { return a.fiscalYear === latest.fiscalYear; })[0] : null;
    if (!actual || !actual.flag) { return []; }
    var flag = FLAG[actual.flag] || [actual.flag, actual.flag];
    return [el("dt", { text: "値の区分 / flag" }),
      el("dd", { "data-field": "latest-flag", "data-flag": actual.flag, text: flag[0] + " / " + flag[1] })];
  }

  // RULES.md §13: a value with a flag or a note gets a footnote mark (*1, *2 …) and the footnote under the tables.
  function footnotes() {
    var items = [];
    return {
      mark: function (value, where) {
        if (!value.flag && !value.note) { return null; }
        var n = items.length + 1;
        var flag = value.flag ? FLAG[value.flag] || [value.flag, value.flag] : null;
        items.push(el("li", { "data-footnote": String(n), "data-flag": value.flag || "" }, ["*" + n + " " + where + "：",
          flag ? el("span", { "class": "flag", text: flag[0] + " / " + flag[1] }) : null,
          value.note ? el("span", { "class": "note", "data-field": "note", text: (flag ? "　" : "") + value.note })
            : null]));
        return el("sup", { "class": "mark", "data-flag": value.flag || "",
          title: flag ? flag[0] + " / " + flag[1] : value.note, text: "*" + n });
      },
      list: function () {
        return items.length === 0 ? null : el("ol", { "class": "footnotes", "data-field": "footnotes",
          "aria-label": "注記 / notes on values" }, items);
      }
    };
  }

  // RULES.md §13: the department's own words for the latest fiscal year that has them, beside the chart; the
  // earlier years folded below them. Every text is set as text, never as markup.
  function commentary(indicator) {
    var entries = indicator.commentary || [];
    if (entries.length === 0) { return null; }
    var parts = [["assessment", "評価・要因分析", "Assessment"], ["issues", "課題", "Issues"],
      ["nextSteps", "今後の方向性", "Next steps"]];
    function words(entry) {
      var nodes = [];
      parts.forEach(function (p) {
        var text = entry[p[0]];
        if (!text) { return; }
        nodes.push(el("dt", {}, [p[1] + " ", el("span", { "class": "en", lang: "en", text: p[2] })]));
        nodes.push(el("dd", { "data-field": "commentary-" + p[0] }, [el("p", { text: text.ja }),
          text.en ? el("p", { "class": "en", lang: "en", text: text.en }) : null]));
      });
      return el("dl", { "class": "words" }, nodes);
    }
    var latest = entries[entries.length - 1];
    var earlier = entries.slice(0, -1).reverse().map(function (e) {
      return el("details", { "class": "earlier-words", "data-fy": String(e.fiscalYear) }, [
        el("summary", { text: "FY" + e.fiscalYear }), words(e)]);
    });
    return el("aside", { "class": "commentary", "data-field": "commentary", "data-fy": String(latest.fiscalYear) }, [
      el("h5", {}, ["担当課の評価（FY" + latest.fiscalYear + "） ", el("span", { "class": "en", lang: "en",
        text: "The department's commentary" })]), words(latest)].concat(earlier));
  }

  return { latestFlag: latestFlag, footnotes: footnotes, commentary: commentary };
})();
