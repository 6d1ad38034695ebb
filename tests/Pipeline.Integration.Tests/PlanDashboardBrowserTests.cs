using Pipeline.Domain.Catalogue;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Publication;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §4 and §7 in the browser: a plan without wards, its status, decreasing indicators, a year to
/// date, the series an indicator continues, and the landing page linking every plan's dashboard.
/// </summary>
public sealed partial class PlanDashboardBrowserTests : IDisposable
{
    private const string Tamana = "tamana-health-3";
    private const string Next = "tamana-health-4";
    private readonly TempFolder _plans = new("plans-");
    private readonly TestPipeline _pipeline;

    public PlanDashboardBrowserTests()
    {
        // The sample plan and a later plan (a copy, test data) whose I-1-K1 continues the sample's I-1-K1.
        try
        {
            var sample = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{Tamana}.json"));
            File.WriteAllText(_plans.File($"{Tamana}.json"), sample);
            var next = JsonNode.Parse(sample)!;
            next["id"] = Next;
            next["startFiscalYear"] = 2030;
            next["endFiscalYear"] = 2034;
            foreach (var indicator in next["indicators"]!.AsArray())
            {
                indicator!["target"]!["fiscalYear"] = 2034;
            }

            next["indicators"]![0]!["continues"] = new JsonObject
            {
                ["planId"] = Tamana,
                ["indicatorId"] = "I-1-K1",
                ["note"] = new JsonObject { ["ja"] = "FY2030から<b>対象年齢</b>を40～74歳に変更", ["en"] = "Ages 40–74 from FY2030" },
            };
            File.WriteAllText(_plans.File($"{Next}.json"), next.ToJsonString());
            _pipeline = new TestPipeline(Azurite.Instance, settings: new Dictionary<string, string?> { ["Pipeline:PlansPath"] = _plans.Path });
        }
        catch
        {
            // xunit disposes only an instance it could construct.
            _plans.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The pipeline reads the plans folder: it goes first.
        using (_plans)
        {
            _pipeline.Dispose();
        }
    }

    private async Task<Uri> PublishAsync()
    {
        foreach (var department in new[] { "kenko-suishin", "koureisha-shien", "ishikai" })
        {
            var dir = Path.Combine(RepositoryRoot.Find(), "samples", "plans", Tamana, department);
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                await Uploads.IngestAsync(_pipeline, $"{Tamana}/{department}/{Path.GetFileName(file)}", await File.ReadAllBytesAsync(file));
            }
        }

        await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return container.Uri;
    }

    [Fact]
    public async Task The_dashboard_of_a_plan_without_wards_shows_its_status_directions_and_the_year_to_date()
    {
        var container = await PublishAsync();
        var dom = await HeadlessBrowser.DumpDomAsync(new Uri(container + "/" + BlobFeedStore.Path(PlanId.Parse(Tamana), FeedPaths.DashboardName)));
        Assert.Contains("data-rendered=\"true\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-plan-status=\"active\"", dom, StringComparison.Ordinal);
        var cards = Cards().Matches(dom).ToDictionary(m => m.Groups["id"].Value, m => m.Value);
        Assert.Equal(6, cards.Count);
        Assert.Contains("data-direction=\"decrease\"", cards["II-2-K1"], StringComparison.Ordinal);
        Assert.Contains("data-status=\"deteriorated\"", cards["II-2-K1"], StringComparison.Ordinal);
        Assert.Contains("data-direction=\"decrease\"", cards["I-2-K1"], StringComparison.Ordinal);
        Assert.Contains("data-status=\"achieved\"", cards["I-2-K1"], StringComparison.Ordinal);
        // FY2026 is in progress: shown as year to date, the status stays FY2025's.
        Assert.Contains("data-field=\"year-to-date\">480件（FY2026・7か月 / 7 months）<", cards["II-1-K1"], StringComparison.Ordinal);
        Assert.Contains("data-field=\"latest\">780件（FY2025）<", cards["II-1-K1"], StringComparison.Ordinal);
        Assert.Contains("data-status=\"on_track\"", cards["II-1-K1"], StringComparison.Ordinal);
        Assert.Contains("class=\"ytd\"", cards["II-1-K1"], StringComparison.Ordinal);
        Assert.DoesNotContain("year-to-date", cards["I-1-K1"], StringComparison.Ordinal);

        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "out", "test-screenshots"));
        var shot = Path.Combine(screenshots.FullName, "dashboard-tamana.png");
        await HeadlessBrowser.ScreenshotAsync(new Uri(container + "/" + BlobFeedStore.Path(PlanId.Parse(Tamana), FeedPaths.DashboardName)), shot, 1280, 2000);
        Assert.True(new FileInfo(shot).Length > 10_000);
    }

    [Fact]
    public async Task A_closed_plan_says_so_and_a_continued_series_links_to_the_earlier_one_with_its_note_escaped()
    {
        var container = await PublishAsync();
        var kumamoto = await HeadlessBrowser.DumpDomAsync(new Uri(container + "/" + BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.DashboardName)));
        Assert.Contains("data-plan-status=\"closed\"", kumamoto, StringComparison.Ordinal);
        Assert.Contains("この計画は終了しました", kumamoto, StringComparison.Ordinal);

        var next = await HeadlessBrowser.DumpDomAsync(new Uri(container + "/" + BlobFeedStore.Path(PlanId.Parse(Next), FeedPaths.DashboardName)));
        var card = Cards().Matches(next).Single(m => m.Groups["id"].Value == "I-1-K1").Value;
        Assert.Contains($"href=\"../{Tamana}/index.html#ind-I-1-K1\" data-field=\"continues\">{Tamana} I-1-K1<", card, StringComparison.Ordinal);
        Assert.Contains("data-field=\"continues-note\">※ FY2030から&lt;b&gt;対象年齢&lt;/b&gt;を40～74歳に変更<", card, StringComparison.Ordinal);

        var landing = await HeadlessBrowser.DumpDomAsync(new Uri(container + "/index.html"), rendersData: false);
        foreach (var plan in new[] { "kumamoto-welfare-4", Tamana, Next })
        {
            Assert.Contains($"href=\"feeds/v1/{plan}/index.html\"", landing, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<article class=\"indicator\" data-indicator=\"(?<id>[^\"]+)\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex Cards();
}
