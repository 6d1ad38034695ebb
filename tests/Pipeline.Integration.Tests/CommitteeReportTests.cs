using Pipeline.Domain.Catalogue;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Domain.Json;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// progress-report.docx (RULES.md §10) as a committee member opens it: the 4th plan's samples published by the nightly
/// run, the report converted to PDF by LibreOffice headless and read back with pdftotext, figure by figure against the
/// progress.json published beside it; the published report is FY2024's (the last results due), and one of FY2023 is
/// made from the same feed. pdftotext puts spaces at Japanese/ASCII boundaries and breaks wrapped text, so prose is compared
/// with all whitespace removed; with -layout a table row's figures stand on one line (long names are the rows' last
/// cells, so their wrapping never splits the figures), so each row is a line that starts with its figures in order.
/// </summary>
public sealed class CommitteeReportTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);
    private readonly TempFolder _folder = new("committee-report-");

    public void Dispose()
    {
        using (_folder)
        {
            _pipeline.Dispose();
        }
    }

    private static string Flat(string text) => Regex.Replace(text, @"\s+", "");

    [Fact]
    public async Task The_published_report_reads_after_a_libreoffice_conversion_figure_by_figure_as_progress_json()
    {
        await Uploads.IngestEverySampleAsync(_pipeline);
        // 住宅政策課's FY2024 result with its own words (RULES.md §13): the published report, FY2024's, carries them.
        var words = "指標ID,年度,区,実績値,評価・要因分析,評価・要因分析（英語）,課題,今後の方向性\n"
            + "III-1-K2,R6,市全体,402,見守り訪問が地域に定着した,Visits took root,協力員の高齢化,新たな協力員を募る\n";
        Assert.Equal(UploadStatus.Accepted,
            (await Uploads.IngestAsync(_pipeline, "jutaku-seisaku/R6_見守り.csv", Encoding.UTF8.GetBytes(words))).Status);

        await Nightly.RunAsync(_pipeline);
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var json = await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.JsonName)).DownloadContentAsync();
        var feed = FeedFiles.ReadJson(json.Value.Content.ToMemory().Span);
        var docx = await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), CommitteeReportDocx.Name)).DownloadContentAsync();
        Assert.Equal(CommitteeReportDocx.ContentType, docx.Value.Details.ContentType);
        var fy2024 = _folder.File("report-fy2024.docx");
        await File.WriteAllBytesAsync(fy2024, docx.Value.Content.ToArray());
        var fy2023 = _folder.File("report-fy2023.docx");
        await File.WriteAllBytesAsync(fy2023, CommitteeReportDocx.Write(feed, 2023, []));

        var pdfs = await LibreOffice.ToPdfAsync(_folder.Path, fy2024, fy2023);
        // The Japanese text is set in a 明朝: ＭＳ 明朝 is rendered with IPAMincho (fonts-ipafont-mincho).
        Assert.Contains("IPAMincho", await LibreOffice.FontsAsync(pdfs[0]), StringComparison.Ordinal);
        foreach (var (pdf, year) in new[] { (pdfs[0], 2024), (pdfs[1], 2023) })
        {
            var layout = await LibreOffice.TextAsync(pdf);
            var text = Flat(layout);
            var lines = layout.Split('\n').Select(Flat).ToList();
            void Row(string expected) => Assert.Contains(lines, l => l.StartsWith(Flat(expected), StringComparison.Ordinal));
            var era = year == 2024 ? "令和6年度" : "令和5年度";
            Assert.Contains(Flat($"{feed.Plan.Name.Ja} {era}（FY{year}）進捗状況"), text, StringComparison.Ordinal);
            Assert.Contains("計画期間:令和2年度～令和6年度（FY2020–FY2024）状況:終了（修正は受付）", text, StringComparison.Ordinal);
            Assert.Contains("策定:熊本市・熊本市社会福祉協議会", text, StringComparison.Ordinal);
            // The test clock: 26 November 2026 17:00 UTC, 27 November in Japan.
            Assert.Contains($"対象年度:{era}（FY{year}）作成日:2026年11月27日", text, StringComparison.Ordinal);

            foreach (var indicator in feed.Indicators)
            {
                var at = indicator.Actuals.FirstOrDefault(a => a.FiscalYear == year);
                var status = at is { Partial: false } ? at.Status : ProgressStatus.NoData;
                // baseline, FY2020 … FY2024, target, 達成率 at the year, status at the year: one row, in order.
                var row = string.Concat(
                    [CommitteeReportDocx.Number(indicator.Baseline.Value),
                     .. Enumerable.Range(2020, 5).Select(y => CommitteeReportDocx.Number(indicator.Actuals.FirstOrDefault(a => a.FiscalYear == y)?.Value)),
                     CommitteeReportDocx.Number(indicator.Target.Value),
                     at?.AchievementRatePercent is { } rate ? CommitteeReportDocx.Number(rate) + "%" : "—",
                     StatusLabels.Of(status).Ja]);
                Assert.Contains(Flat($"{indicator.Id} {indicator.Name.Ja}（単位: {indicator.Unit}）"), text, StringComparison.Ordinal);
                Row(row);
                // The final evaluation of the closed plan, in its table and under the indicator.
                var final = indicator.FinalEvaluation!;
                Row($"{indicator.Id}{final.Grade}FY{final.FiscalYear}{CommitteeReportDocx.Number(final.Value)}{PipelineJson.Name(final.Reason)}");
                Assert.Contains(Flat($"最終評価: {final.Grade} {final.Label.Ja}（FY{final.FiscalYear} {CommitteeReportDocx.Number(final.Value)}）"),
                    text, StringComparison.Ordinal);
            }

            foreach (var basic in feed.BasicPolicies)
            {
                var statuses = feed.Indicators.Where(i => i.BasicPolicyId == basic.Id)
                    .Select(i => i.Actuals.FirstOrDefault(a => a.FiscalYear == year) is { Partial: false } a ? a.Status : ProgressStatus.NoData).ToList();
                Row(basic.Id + string.Concat(FeedBuilder.CountedStatuses.Select(s => statuses.Count(x => x == s))) + statuses.Count
                    + basic.Name.Ja[..4]);
            }

            var initiatives = feed.Policies.SelectMany(p => p.Measures).SelectMany(m => m.Initiatives).ToList();
            foreach (var initiative in initiatives)
            {
                var evaluation = initiative.Evaluations.FirstOrDefault(e => e.FiscalYear == year);
                Row($"{initiative.Id}{(initiative.Priority ? "重点" : "")}" +
                    (evaluation is null ? "—" : $"{evaluation.Rating}{evaluation.Label.Ja}") + initiative.Name.Ja[..3]);
                if (!string.IsNullOrWhiteSpace(evaluation?.Comment))
                {
                    Assert.Contains(Flat($"{initiative.Id} コメント: {evaluation.Comment}"), text, StringComparison.Ordinal);
                }
            }

            // The department's words of the year, as progress.json has them, under their indicator (the FY2023 report
            // is written here without commentary).
            var said = feed.Indicators.SelectMany(i => (i.Commentary ?? []).Where(c => c.FiscalYear == year)
                .Select(c => (i.Id, c))).ToList();
            Assert.Equal(year == 2024 ? new[] { "III-1-K2" } : [], said.Select(s => s.Id));
            foreach (var (_, c) in said)
            {
                Assert.Contains(Flat($"【評価・要因分析】{c.Assessment!.Ja}"), text, StringComparison.Ordinal);
                Assert.Contains(Flat($"【課題】{c.Issues!.Ja}"), text, StringComparison.Ordinal);
                Assert.Contains(Flat($"【今後の方向性】{c.NextSteps!.Ja}"), text, StringComparison.Ordinal);
            }

            // The samples hold FY2023 evaluations and no FY2024 ones: the FY2023 report shows ratings, FY2024's none.
            Assert.Equal(year == 2023, initiatives.Any(i => i.Evaluations.Any(e => e.FiscalYear == year)));
        }
    }
}
