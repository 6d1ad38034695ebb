using System.Globalization;
using DocumentFormat.OpenXml;
using Pipeline.Domain.Calendar;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Json;
using Pipeline.Domain.Progress;
using Pipeline.Publishing.Document;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// progress-report.docx, the committee's report of a fiscal year's 進捗状況 (RULES.md §10), from the same feed as
/// progress.json: the plan's name, period, publisher, the fiscal year and the day it was made; a summary of statuses
/// per
/// basic policy; per basic policy, policy direction and indicator the baseline, the value of every fiscal year, the
/// target,
/// 達成率 and status at the year, the department's commentary of the year; per measure the initiatives' ratings with their
/// comments; and for a closed plan the final evaluation (RULES.md §11). A4 portrait, 明朝 (<see cref="DocxBuilder"/>).
/// </summary>
public static class CommitteeReportDocx
{
    public const string Name = FeedPaths.ReportName;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The fiscal year a published report is about: the latest whose results were due, else the latest with a
    /// value.</summary>
    public static int DefaultFiscalYear(ProgressFeed feed) =>
        feed.Freshness.LastDueFiscalYear
        ?? feed.Indicators.SelectMany(i => i.Actuals).Select(a => (int?)a.FiscalYear).Max()
        ?? feed.Plan.StartFiscalYear;

    /// <summary>The document's bytes; <paramref name="commentary"/> is the standing commentary (any fiscal
    /// year).</summary>
    public static byte[] Write(ProgressFeed feed, int fiscalYear, IReadOnlyList<IndicatorCommentary> commentary)
    {
        var made = JapanCalendar.DayOf(feed.GeneratedAt);
        var plan = feed.Plan;
        var words = commentary.Where(c => c.FiscalYear.Value == fiscalYear)
            .ToDictionary(c => c.IndicatorId, StringComparer.Ordinal);
        var content = new List<OpenXmlElement>
        {
            DocxBuilder.Heading(1, $"{plan.Name.Ja}　{Era(fiscalYear)}（FY{fiscalYear}）進捗状況"),
            DocxBuilder.Paragraph(
                $"計画期間: {Era(plan.StartFiscalYear)}" +
                    $"～{Era(plan.EndFiscalYear)}（FY{plan.StartFiscalYear}–FY{plan.EndFiscalYear}）" +
                $"　状況: {StatusLabels.Of(plan.Status).Ja}"),
            DocxBuilder.Paragraph(
                "策定: " + string.Join("・",
                    new[] { plan.Publisher.Name.Ja }.Concat(plan.Publisher.Partners.Select(p => p.Ja)))),
            DocxBuilder.Paragraph($"対象年度: {Era(fiscalYear)}（FY{fiscalYear}）　作成日: {made.Year}年{made.Month}月{made.Day}日"),
            DocxBuilder.Heading(2, "成果指標の進捗状況（基本方針別）"),
            Summary(feed, fiscalYear),
        };
        if (feed.BasicPolicies.All(b => b.FinalGradeCounts is not null))
        {
            content.Add(DocxBuilder.Heading(2, "最終評価"));
            content.Add(
                DocxBuilder.Paragraph("A 目標値に達した　B 現時点で目標値に達していないが、改善傾向にある　C 変わらない　D 悪化している　E 評価困難", halfPoints: 17));
            content.Add(FinalEvaluation(feed));
        }

        foreach (var basic in feed.BasicPolicies)
        {
            content.Add(DocxBuilder.Heading(2, $"基本方針 {basic.Id}　{basic.Name.Ja}"));
            foreach (var policy in feed.Policies.Where(p => p.BasicPolicyId == basic.Id))
            {
                content.Add(DocxBuilder.Heading(3, $"{policy.Id}　{policy.Name.Ja}"));
                foreach (var indicator in feed.Indicators.Where(i => i.PolicyId == policy.Id))
                {
                    content.AddRange(Indicator(feed, indicator, fiscalYear, words.GetValueOrDefault(indicator.Id)));
                }

                foreach (var measure in policy.Measures)
                {
                    content.Add(DocxBuilder.Paragraph($"{measure.Id}　{measure.Name.Ja}（主な取組項目の評価）", bold: true));
                    content.AddRange(Initiatives(measure, fiscalYear));
                }
            }
        }

        return DocxBuilder.Write(content);
    }

    // Short cells first and the long name last, so that a name wrapping in its cell never splits the figures of its
    // row.
    private static OpenXmlElement Summary(ProgressFeed feed, int fiscalYear)
    {
        var statuses = FeedBuilder.CountedStatuses;
        var rows = feed.BasicPolicies.Select(b =>
        {
            var at = feed.Indicators.Where(i => i.BasicPolicyId == b.Id).Select(i => StatusAt(i, fiscalYear)).ToList();
            return (IReadOnlyList<string>)
                [b.Id, .. statuses.Select(s => Count(at.Count(x => x == s))), Count(at.Count), b.Name.Ja];
        }).ToList();
        var all = feed.Indicators.Select(i => StatusAt(i, fiscalYear)).ToList();
        rows.Add(["計", .. statuses.Select(s => Count(all.Count(x => x == s))), Count(all.Count), ""]);
        return DocxBuilder.Table([800, 850, 850, 850, 850, 950, 700, 3220],
            ["基本方針", .. statuses.Select(s => StatusLabels.Of(s).Ja), "計", "名称"], rows,
                new HashSet<int> { 1, 2, 3, 4, 5, 6 });
    }

    private static OpenXmlElement FinalEvaluation(ProgressFeed feed) =>
        DocxBuilder.Table([1100, 700, 1000, 1100, 1700, 3470], ["指標ID", "評価", "年度", "値", "理由", "評価の区分"],
            feed.Indicators.Select(i => (IReadOnlyList<string>)
            [
                i.Id, i.FinalEvaluation!.Grade.ToString(), i.FinalEvaluation.FiscalYear is { } fy ? $"FY{fy}" : "—",
                Number(i.FinalEvaluation.Value), PipelineJson.Name(i.FinalEvaluation.Reason),
                    i.FinalEvaluation.Label.Ja,
            ]), new HashSet<int> { 3 });

    private static IEnumerable<OpenXmlElement> Indicator(ProgressFeed feed, FeedIndicator indicator, int fiscalYear,
        IndicatorCommentary? words)
    {
        yield return DocxBuilder.Paragraph($"{indicator.Id}　{indicator.Name.Ja}（単位: {indicator.Unit}）" +
            (indicator.Direction == IndicatorDirection.Decrease ? "（減少が望ましい）" : ""), bold: true);
        var years = Enumerable.Range(feed.Plan.StartFiscalYear, feed.Plan.EndFiscalYear - feed.Plan.StartFiscalYear + 1)
            .ToList();
        var byYear = indicator.Actuals.ToDictionary(a => a.FiscalYear);
        var at = byYear.GetValueOrDefault(fiscalYear);
        var yearWidth = (DocxBuilder.TextWidth - 1100 - 1100 - 1000 - 1300) / years.Count;
        IReadOnlyList<string> row =
        [
            Number(indicator.Baseline.Value), .. years.Select(y => Number(byYear.GetValueOrDefault(y)?.Value)),
            Number(indicator.Target.Value), at?.AchievementRatePercent is { } rate ? Number(rate) + "%" : "—",
            StatusLabels.Of(StatusAt(indicator, fiscalYear)).Ja,
        ];
        yield return DocxBuilder.Table([1100, .. years.Select(_ => yearWidth), 1100, 1000, 1300],
            [$"基準値 FY{indicator.Baseline.FiscalYear}", .. years.Select(y => $"FY{y}"),
                $"目標値 FY{indicator.Target.FiscalYear}",
             $"達成率 FY{fiscalYear}", "状況"],
            [row], Enumerable.Range(0, row.Count - 1).ToHashSet());
        if (indicator.FinalEvaluation is { } final)
        {
            yield return DocxBuilder.Paragraph($"最終評価: {final.Grade} {final.Label.Ja}" +
                (final.FiscalYear is { } fy ? $"（FY{fy} {Number(final.Value)}）" : ""));
        }

        if (words is not null)
        {
            foreach (
                var (label, text) in new[] { ("評価・要因分析", words.Assessment), ("課題", words.Issues),
                    ("今後の方向性", words.NextSteps) })
            {
                if (text is not null)
                {
                    yield return DocxBuilder.Paragraph($"【{label}】{text.Ja}");
                }
            }
        }
    }

    private static IEnumerable<OpenXmlElement> Initiatives(FeedMeasure measure, int fiscalYear)
    {
        var rated =
            measure.Initiatives.Select(n =>
                (Initiative: n, Evaluation: n.Evaluations.FirstOrDefault(e => e.FiscalYear == fiscalYear)))
            .ToList();
        yield return DocxBuilder.Table([1150, 700, 1300, 5920], ["取組ID", "重点", $"評価 FY{fiscalYear}", "主な取組項目"],
            rated.Select(r => (IReadOnlyList<string>)
            [
                r.Initiative.Id, r.Initiative.Priority ? "重点" : "",
                r.Evaluation is null ? "—" : $"{r.Evaluation.Rating} {r.Evaluation.Label.Ja}", r.Initiative.Name.Ja,
            ]));
        foreach (var (initiative, evaluation) in rated.Where(r => !string.IsNullOrWhiteSpace(r.Evaluation?.Comment)))
        {
            yield return DocxBuilder.Paragraph($"{initiative.Id} コメント: {evaluation!.Comment}", halfPoints: 19);
        }
    }

    private static ProgressStatus StatusAt(FeedIndicator indicator, int fiscalYear) =>
        indicator.Actuals.FirstOrDefault(a => a.FiscalYear == fiscalYear) is { Partial: false } a ? a.Status
            : ProgressStatus.NoData;

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A figure as the report prints it: thousands separated, up to two decimals; — where there is
    /// none.</summary>
    public static string Number(decimal? value) =>
        value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    private static string Era(int fiscalYear) => fiscalYear switch
    {
        2019 => "令和元年度",
        > 2019 => $"令和{fiscalYear - 2018}年度",
        _ => $"平成{fiscalYear - 1988}年度",
    };
}
