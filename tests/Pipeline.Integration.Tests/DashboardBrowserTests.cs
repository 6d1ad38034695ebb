using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Publishing;
using Pipeline.Publishing.Formats;
using Pipeline.Publishing.Document;

namespace Pipeline.Integration.Tests;

/// <summary>The dashboard published beside the feed, opened from Azurite's open-data container in Chromium driven by Playwright.</summary>
public sealed partial class DashboardBrowserTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task The_dashboard_shows_the_feed_numbers_statuses_overdue_flags_and_priority_evaluations()
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            await Uploads.IngestAsync(_pipeline, Path.GetRelativePath(root, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }

        var run = (await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None)).For("kumamoto-welfare-4");
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var page = container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.DashboardName)).Uri;

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var tab = await browser.OpenAsync(page, 1280, 2600);
        var dom = await tab.ContentAsync();
        Assert.Contains("data-rendered=\"true\"", dom, StringComparison.Ordinal);
        var cards = Cards().Matches(dom).ToDictionary(m => m.Groups["id"].Value, m => m.Value);
        Assert.Equal(10, cards.Count);
        foreach (var id in new[] { "I-1-K2", "II-1-K2", "III-1-K1", "III-1-K2", "III-3-K1" })
        {
            var expected = run.Feed.Indicators.Single(i => i.Id == id);
            var card = cards[id];
            Assert.Contains($"data-field=\"rate\">{expected.AchievementRatePercent!.Value.ToString("0.0", CultureInfo.InvariantCulture)}%<", card, StringComparison.Ordinal);
            Assert.Contains($"data-field=\"latest\">{expected.Latest!.Value!.Value.ToString("#,0.#", CultureInfo.InvariantCulture)}{expected.Unit}（FY{expected.Latest.FiscalYear}）<", card, StringComparison.Ordinal);
            Assert.Contains($"data-status=\"{PipelineJson.Name(expected.Status)}\"", card, StringComparison.Ordinal);
            Assert.Contains("data-overdue=\"true\"", card, StringComparison.Ordinal);
            Assert.Contains("<svg class=\"chart\"", card, StringComparison.Ordinal);
        }

        Assert.Contains("data-status=\"deteriorated\">悪化 Deteriorated<", cards["III-3-K1"], StringComparison.Ordinal);
        Assert.Contains("data-field=\"latest\">1,150件（FY2023）<", cards["III-1-K1"], StringComparison.Ordinal);
        Assert.Equal(7, PriorityRows().Count(dom));
        Assert.Contains("<html lang=\"ja\">", dom, StringComparison.Ordinal);

        var desktop = HeadlessBrowser.ScreenshotPath("dashboard.png");
        var phone = HeadlessBrowser.ScreenshotPath("dashboard-phone.png");
        await tab.ScreenshotAsync(new() { Path = desktop });
        var phoneTab = await browser.OpenAsync(page, 390, 1800);
        await phoneTab.ScreenshotAsync(new() { Path = phone });
        Assert.True(new FileInfo(desktop).Length > 10_000);
        Assert.True(new FileInfo(phone).Length > 10_000);
    }

    [Fact]
    public async Task The_dashboard_has_table_views_with_targets_ward_breakdowns_axes_revision_marks_and_download_links()
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            await Uploads.IngestAsync(_pipeline, Path.GetRelativePath(root, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await Uploads.IngestAsync(_pipeline, "jutaku-seisaku/修正.csv", Uploads.Csv("indicator_id,fiscal_year,value\nIII-1-K2,令和5年度,395\n"));
        var run = (await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None)).For("kumamoto-welfare-4");
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var page = container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.DashboardName)).Uri;

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var tab = await browser.OpenAsync(page, 1280, 5200);
        var dom = await tab.ContentAsync();
        Assert.Contains("data-rendered=\"true\"", dom, StringComparison.Ordinal);
        var cards = Cards().Matches(dom).ToDictionary(m => m.Groups["id"].Value, m => m.Value);
        foreach (var indicator in run.Feed.Indicators)
        {
            var card = cards[indicator.Id];
            Assert.Contains("data-table=\"actuals\"", card, StringComparison.Ordinal);
            Assert.Contains($"data-field=\"target-value\">{indicator.Target.Value!.Value.ToString("#,0.#", CultureInfo.InvariantCulture)}<", card, StringComparison.Ordinal);
            Assert.Equal(indicator.Actuals.Count, Regex.Count(card, "<tr data-fy=\""));
            // Value ticks (min, middle, max) and the fiscal years: FY at both ends, years between as space allows.
            Assert.Contains($"class=\"tick\" x=\"34\" y=\"118\" text-anchor=\"start\">FY{indicator.Baseline.FiscalYear}<", card, StringComparison.Ordinal);
            Assert.Contains($"text-anchor=\"end\">FY{indicator.Target.FiscalYear}<", card, StringComparison.Ordinal);
            Assert.InRange(Regex.Count(card, "class=\"tick\""), 3 + 2, 3 + indicator.Target.FiscalYear - indicator.Baseline.FiscalYear + 1);
            Assert.Contains($"href=\"open-sdg/data/indicator_{indicator.Id}.csv\"", card, StringComparison.Ordinal);
            Assert.Equal(indicator.Actuals.Any(a => a.Areas.Count > 0), card.Contains("data-table=\"wards\"", StringComparison.Ordinal));
        }

        // 生活自立支援センター reports by ward: the breakdown has a bar per ward and a table row per ward.
        var consultations = cards["III-1-K1"];
        Assert.Equal(5, Regex.Count(consultations, "<tr data-ward=\""));
        Assert.Equal(5, Regex.Count(consultations, "class=\"ward-bar\""));
        var chuo = run.Feed.Indicators.Single(i => i.Id == "III-1-K1").Actuals[^1].Areas.Single(a => a.Code == "431010");
        Assert.Contains($">{chuo.Value.ToString("#,0.#", CultureInfo.InvariantCulture)}件<", consultations, StringComparison.Ordinal);

        // The corrected value is marked, with its history on demand; values never revised are not.
        var visits = cards["III-1-K2"];
        Assert.Matches("<tr data-fy=\"2023\" data-revised=\"true\">.*?<details class=\"revisions\" data-revisions=\"1\">.*?390回 → 395回", visits);
        Assert.Equal(1, Regex.Count(dom, "data-revised=\"true\""));

        using var http = new HttpClient();
        foreach (var link in new[]
        {
            FeedPaths.JsonName, FeedPaths.CsvName, RevisionsCsv.Name, FeedPaths.DataPackageName, FeedPaths.WorkbookName,
            FeedPaths.ReportName, OpenSdgExport.DataName("I-1-K1"),
        })
        {
            Assert.Contains($"href=\"{link}\"", dom, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(page, link))).StatusCode);
        }

        Assert.Contains(run.Feed.LicenseDetail.SourceLine.Ja, dom, StringComparison.Ordinal);

        var desktop = HeadlessBrowser.ScreenshotPath("dashboard-depth.png");
        var phone = HeadlessBrowser.ScreenshotPath("dashboard-depth-phone.png");
        await tab.ScreenshotAsync(new() { Path = desktop });
        var phoneTab = await browser.OpenAsync(page, 390, 4200);
        await phoneTab.ScreenshotAsync(new() { Path = phone });
        Assert.True(new FileInfo(desktop).Length > 10_000);
        Assert.True(new FileInfo(phone).Length > 10_000);
    }

    [GeneratedRegex("<article class=\"indicator\" data-indicator=\"(?<id>[^\"]+)\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex Cards();

    [GeneratedRegex("<tr data-initiative=\"[^\"]+\">")]
    private static partial Regex PriorityRows();
}
