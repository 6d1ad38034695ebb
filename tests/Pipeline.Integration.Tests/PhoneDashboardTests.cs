using Pipeline.Domain.Catalogue;
using System.IO.Compression;
using System.Text.Json;
using Pipeline.Application.Publication;
using Pipeline.Domain.Json;
using Pipeline.Infrastructure.Storage;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// The dashboard and the landing page on a phone (390 px, Chromium), served from Azurite's open-data container after
/// the samples are ingested: no page wider than the screen, chart labels apart, every text's contrast computed, axe-core
/// clean; the summary at the top; the zips and the new files served where the pages link them.
/// </summary>
public sealed class PhoneDashboardTests : IDisposable
{
    private const string Plan = "kumamoto-welfare-4";
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private async Task<(AggregationRun Run, Uri Root)> PublishSamplesAsync()
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            await Uploads.IngestAsync(_pipeline, Path.GetRelativePath(root, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }

        var run = (await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None)).For(Plan);
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return (run, new Uri(container.Uri.AbsoluteUri.TrimEnd('/') + "/"));
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone_with_a_summary_per_basic_policy_readable_text_and_apart_labels()
    {
        var (run, root) = await PublishSamplesAsync();
        var page = new Uri(root, BlobFeedStore.Path(PlanId.Parse(Plan), FeedPaths.DashboardName));

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var tab = await browser.OpenAsync(page, PageChecks.PhoneWidth, 844);
        await PageChecks.AssertPhoneReadyAsync(tab, "the dashboard at 390 px", "dashboard-phone-390.png", "svg.chart");

        // The summary: one row per basic policy, its numbers those of the feed, drawn as a bar of the same counts.
        var rows = await tab.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('#summary-chart li.summary-row')].map(li => ({
            id: li.dataset.basicPolicy, counts: li.querySelector('.summary-counts').textContent,
            segments: [...li.querySelectorAll('.seg')].map(s => s.dataset.status),
            grades: li.querySelector('.summary-grades') ? li.querySelector('.summary-grades').dataset.finalGrades : null }))");
        var basics = run.Feed.BasicPolicies;
        Assert.Equal(basics.Select(b => b.Id), rows.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        foreach (var (basic, row) in basics.Zip(rows.EnumerateArray()))
        {
            var counted = FeedBuilder.CountedStatuses.Select(PipelineJson.Name).Where(s => basic.StatusCounts[s] > 0).ToList();
            Assert.Equal(counted, row.GetProperty("segments").EnumerateArray().Select(s => s.GetString()));
            Assert.EndsWith($"（計 {basic.StatusCounts.Values.Sum()}）", row.GetProperty("counts").GetString(), StringComparison.Ordinal);

            // The sample plan has closed (FY2020–FY2024, results due June 2025): its final grades A–E per basic policy.
            var grades = basic.FinalGradeCounts ?? throw new InvalidOperationException("a closed plan's feed has final grade counts");
            Assert.Equal(string.Join("・", "ABCDE".Select(g => $"{g} {grades.GetValueOrDefault(g.ToString())}")), row.GetProperty("grades").GetString());
        }

        Assert.Equal(Domain.Catalogue.PlanStatus.Closed, run.Feed.Plan.Status);
        Assert.True(run.Feed.BasicPolicies.Sum(b => b.FinalGradeCounts!.Values.Sum()) > 0);

        // Each indicator's own final grade on its card: the grade, its reason, and the year and value it was judged on.
        var cards = await tab.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('article.indicator')]
            .map(a => { const dd = a.querySelector('[data-field=final-grade]');
              return { id: a.dataset.indicator, grade: dd && dd.dataset.grade, reason: dd && dd.dataset.reason,
                       text: dd && dd.textContent }; })");
        Assert.Equal(run.Feed.Indicators.Select(i => i.Id),
            cards.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        foreach (var (indicator, card) in run.Feed.Indicators.Zip(cards.EnumerateArray()))
        {
            var final = indicator.FinalEvaluation!;
            Assert.Equal((indicator.Id, final.Grade.ToString(), PipelineJson.Name(final.Reason)),
                (indicator.Id, card.GetProperty("grade").GetString(), card.GetProperty("reason").GetString()));
            Assert.StartsWith($"{final.Grade} {final.Label.Ja}（FY{final.FiscalYear} ",
                card.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        // The summary is at the top: on the first screen of the phone.
        var top = await tab.EvaluateAsync<double>("() => document.getElementById('summary-chart').getBoundingClientRect().top");
        Assert.InRange(top, 0, 844);

        // The priority initiatives' table scrolls inside its own box instead of widening the page.
        var boxes = await tab.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('table.evaluations')].map(t =>
            ({ parent: t.parentElement.className, overflow: getComputedStyle(t.parentElement).overflowX, width: t.parentElement.clientWidth }))");
        Assert.NotEmpty(boxes.EnumerateArray());
        Assert.All(boxes.EnumerateArray(), b => Assert.Equal(("table-scroll", "auto"), (b.GetProperty("parent").GetString(), b.GetProperty("overflow").GetString())));
        Assert.All(boxes.EnumerateArray(), b => Assert.True(b.GetProperty("width").GetInt32() <= PageChecks.PhoneWidth));

        // What the page links is served: the new files and both zips.
        using var http = new HttpClient();
        foreach (var link in new[] { FeedPaths.SdmxName, FeedPaths.SdmxStructureName, FeedPaths.CsvwName, FeedPaths.ZipName, "../" + FeedPaths.ZipName })
        {
            Assert.Contains($"href=\"{link}\"", await tab.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(page, link))).StatusCode);
        }
    }

    [Fact]
    public async Task The_landing_page_fits_a_phone_and_its_zip_holds_the_index_and_every_plans_files()
    {
        var (_, root) = await PublishSamplesAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var tab = await browser.OpenAsync(new Uri(root, FeedPaths.LandingPath), PageChecks.PhoneWidth, 844, rendersData: false);
        await PageChecks.AssertPhoneReadyAsync(tab, "the landing page at 390 px", "landing-phone-390.png");

        using var http = new HttpClient();
        var zip = await http.GetByteArrayAsync(new Uri(root, FeedPaths.DeploymentZipPath));
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("index.json", entries);
        var plan = await http.GetByteArrayAsync(new Uri(root, BlobFeedStore.Path(PlanId.Parse(Plan), FeedPaths.ZipName)));
        using var planArchive = new ZipArchive(new MemoryStream(plan), ZipArchiveMode.Read);
        Assert.All(planArchive.Entries, e => Assert.Contains($"{Plan}/{e.FullName}", entries));
        Assert.Contains($"{Plan}/{FeedPaths.SdmxName}", entries);
    }
}
