using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Publishing.Document;
using Pipeline.Spreadsheets.Writing;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// progress-report.xlsx: the workbook a plan secretariat brings to its 推進会議, from the same feed as
/// progress.json. 概要 (status counts per basic policy and policy direction), 成果指標 (baseline, every fiscal
/// year, target, 達成率, status, SDG progress, the year to date where a year is partial, overdue), 評価・課題 (each
/// year's value with its flag and note, and the department's commentary, RULES.md §13), 取組評価
/// (ratings by fiscal year, 【重点】 priorities highlighted) and 区別 (each ward's value per indicator and year).
/// The same feed gives the same bytes (<see cref="OpenXmlPackageWriter"/>), whenever it is written.
/// </summary>
public static class ProgressReport
{
    /// <summary>The sheet names, in order.</summary>
    public static readonly IReadOnlyList<string> SheetNames = ["概要", "成果指標", "評価・課題", "取組評価", "区別"];

    /// <summary>The workbook's bytes.</summary>
    public static byte[] Write(ProgressFeed feed) => FeedBuffer.Bytes(output => WorkbookWriter.Write(
        [Summary(feed), Indicators(feed), ProgressReportCommentary.Sheet(feed), Initiatives(feed), Wards(feed)],
        output));

    private static IReadOnlyList<int> Years(ProgressFeed feed) =>
        Enumerable.Range(feed.Plan.StartFiscalYear, feed.Plan.EndFiscalYear - feed.Plan.StartFiscalYear + 1).ToList();

    private static WorkbookSheet Summary(ProgressFeed feed)
    {
        var statuses = FeedBuilder.CountedStatuses.Select(PipelineJson.Name).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var basic in feed.BasicPolicies)
        {
            rows.Add(Counts("基本方針", basic.Id, basic.Name.Ja, basic.StatusCounts, statuses));
            foreach (var policy in feed.Policies.Where(p => p.BasicPolicyId == basic.Id))
            {
                rows.Add(Counts("施策方針", policy.Id, policy.Name.Ja, policy.StatusCounts, statuses));
            }
        }

        var total = statuses.ToDictionary(s => s, s => feed.BasicPolicies.Sum(b => b.StatusCounts[s]));
        rows.Add(Counts("全体", "", feed.Plan.Name.Ja, total, statuses));
        return new WorkbookSheet("概要",
            ["区分", "ID", "名称", .. FeedBuilder.CountedStatuses.Select(s => StatusLabels.Of(s).Ja), "計"],
            rows, [10, 8, 48, 8, 8, 8, 8, 10, 8], 3, new HashSet<int>());
    }

    private static List<object?> Counts(string level, string id, string name, IReadOnlyDictionary<string, int> counts,
        List<string> statuses) =>
        [level, id, name, .. statuses.Select(s => (object?)counts[s]), counts.Values.Sum()];

    private static WorkbookSheet Indicators(ProgressFeed feed)
    {
        var years = Years(feed);
        var rows = feed.Indicators.Select(i =>
        {
            var byYear = i.Actuals.ToDictionary(a => a.FiscalYear);
            var partial = i.Actuals.LastOrDefault(a => a.Partial && a.Value is not null);
            return (IReadOnlyList<object?>)
            [
                i.Id, i.PolicyId, i.Name.Ja, i.Unit, i.Baseline.FiscalYear, i.Baseline.Value,
                .. years.Select(y => (object?)(byYear.TryGetValue(y, out var a) ? a.Value : null)),
                i.Target.FiscalYear, i.Target.Value, i.Latest?.FiscalYear, i.Latest?.Value, i.AchievementRatePercent,
                StatusLabels.Of(i.Status).Ja, PipelineJson.Name(i.SdgProgress),
                partial?.FiscalYear, partial?.Value,
                i.Overdue ? "超過" : "", i.Actuals.Any(a => a.Revisions is { Count: > 0 }) ? "あり" : "",
            ];
        }).ToList();
        return new WorkbookSheet("成果指標",
            ["指標ID", "施策方針", "成果指標", "単位", "基準年度", "基準値", .. years.Select(y => $"FY{y} 実績"),
             "目標年度", "目標値", "最新年度", "最新値", "達成率（%）", "進捗状況", "SDG進捗", "年度途中 年度", "年度途中 値", "報告期限超過", "修正あり"],
            rows, [9, 8, 44, 6, 8, 8, .. years.Select(_ => 9.0), 8, 8, 8, 9, 9, 9, 18, 9, 9, 9, 8], 3,
                new HashSet<int>());
    }

    private static WorkbookSheet Initiatives(ProgressFeed feed)
    {
        var years = Years(feed);
        var rows = new List<IReadOnlyList<object?>>();
        var priority = new HashSet<int>();
        foreach (var policy in feed.Policies)
        {
            foreach (var measure in policy.Measures)
            {
                foreach (var initiative in measure.Initiatives)
                {
                    if (initiative.Priority)
                    {
                        priority.Add(rows.Count);
                    }

                    var byYear = initiative.Evaluations.ToDictionary(e => e.FiscalYear);
                    rows.Add([
                        initiative.Id, policy.Id, measure.Name.Ja, initiative.Name.Ja, initiative.Priority ? "【重点】"
                            : "",
                        string.Join("・", initiative.Owners),
                        .. years.Select(y =>
                            (object?)(byYear.TryGetValue(y, out var e)
                                ? $"{PipelineJson.Name(e.Rating).ToUpperInvariant()} {e.Label.Ja}" : null)),
                    ]);
                }
            }
        }

        return new WorkbookSheet("取組評価",
            ["取組ID", "施策方針", "事業概要", "主な取組項目", "重点", "担当", .. years.Select(y => $"FY{y} 評価")],
            rows, [10, 8, 30, 44, 8, 10, .. years.Select(_ => 11.0)], 1, priority);
    }

    private static WorkbookSheet Wards(ProgressFeed feed)
    {
        var wards = feed.Indicators.SelectMany(i => i.Actuals).SelectMany(a => a.Areas)
            .GroupBy(a => a.Code, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var rows = feed.Indicators.SelectMany(i => i.Actuals.Select(a =>
        {
            var byCode = a.Areas.ToDictionary(w => w.Code, StringComparer.Ordinal);
            return (IReadOnlyList<object?>)
            [
                i.Id, i.Name.Ja, i.Unit, a.FiscalYear, a.Value,
                .. wards.Select(w => (object?)(byCode.TryGetValue(w.Code, out var v) ? v.Value : null)),
            ];
        })).ToList();
        return new WorkbookSheet("区別",
            ["指標ID", "成果指標", "単位", "年度", feed.Plan.Publisher.Name.Ja + "（全体）", .. wards.Select(w => w.Name.Ja)],
            rows, [9, 44, 6, 8, 12, .. wards.Select(_ => 10.0)], 4, new HashSet<int>());
    }
}
