using Pipeline.Core.Json;
using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Feed;
using Pipeline.Core.Publication;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The dashboard published beside the feed, opened from Azurite's open-data container in headless Chromium.</summary>
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
        var page = container.GetBlobClient(BlobFeedStore.Path("kumamoto-welfare-4", FeedFiles.DashboardName)).Uri;

        var dom = await HeadlessChromium.DumpDomAsync(page);
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

        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "out", "test-screenshots"));
        var desktop = Path.Combine(screenshots.FullName, "dashboard.png");
        var phone = Path.Combine(screenshots.FullName, "dashboard-phone.png");
        await HeadlessChromium.ScreenshotAsync(page, desktop, 1280, 2600);
        await HeadlessChromium.ScreenshotAsync(page, phone, 390, 1800);
        Assert.True(new FileInfo(desktop).Length > 10_000);
        Assert.True(new FileInfo(phone).Length > 10_000);
    }

    [GeneratedRegex("<article class=\"indicator\" data-indicator=\"(?<id>[^\"]+)\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex Cards();

    [GeneratedRegex("<tr data-initiative=\"[^\"]+\">")]
    private static partial Regex PriorityRows();
}
