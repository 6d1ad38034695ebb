using DocumentFormat.OpenXml.Packaging;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline report</c> (RULES.md §10) on Azurite: the committee's report of a fiscal year from the published feed.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly Cli _cli = new();
    private readonly TempFolder _folder = new("pipeline-report-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_the_report_of_the_year_asked_for_once_the_plan_is_published_and_says_what_to_do_before()
    {
        var before = await _cli.RunAsync("report", "--out", _folder.File("early.docx"));
        Assert.Equal(1, before.Exit);
        Assert.Equal(["pipeline: kumamoto-welfare-4 has no published feed yet", "run `pipeline aggregate --plan kumamoto-welfare-4` first"],
            before.Error.Trim().Split('\n').Select(l => l.Trim()));

        Assert.Equal(0, (await _cli.RunAsync("ingest", "--department", "jutaku-seisaku", Cli.Sample("jutaku-seisaku/mimamori_visits.csv"))).Exit);
        Assert.Equal(0, (await _cli.RunAsync("aggregate", "--plan", "kumamoto-welfare-4")).Exit);
        var path = _folder.File("r5.docx");
        var written = await _cli.RunAsync("report", "--fiscal-year", "2023", "--out", path);
        Assert.Equal(0, written.Exit);
        using var document = WordprocessingDocument.Open(path, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("第4次熊本市地域福祉計画・地域福祉活動計画　令和5年度（FY2023）進捗状況", text, StringComparison.Ordinal);
        // III-1-K2 (見守り訪問): baseline 96, FY2020–FY2023 140, 185, 236, 390, FY2024 —, target 390, 達成率 at FY2023
        // 100 × (390 − 96) / (390 − 96) = 100%, 達成.
        Assert.Contains("96140185236390—390100%達成", text, StringComparison.Ordinal);

        Assert.Equal(2, (await _cli.RunAsync("report", "--fiscal-year", "2030", "--out", path)).Exit);
    }
}
