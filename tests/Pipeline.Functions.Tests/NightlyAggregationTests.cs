using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Json.Schema;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Feed;
using Pipeline.Core.Publication;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>From observations through the timer function to published blobs, on Azurite.</summary>
public sealed class NightlyAggregationTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private async Task IngestSamplesAsync()
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var report = await Uploads.IngestAsync(_pipeline, Path.GetRelativePath(root, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
            Assert.Equal("accepted", report.Status);
        }
    }

    private Task RunTimerAsync() =>
        new NightlyAggregation(_pipeline.Get<NightlyAggregationService>(), _pipeline.Get<StagedRowSweeper>()).Run(new TimerInfo(), CancellationToken.None);

    private async Task<BlobClient> FeedBlobAsync(string name)
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return container.GetBlobClient(BlobFeedStore.Path("kumamoto-welfare-4", name));
    }

    [Fact]
    public async Task The_timer_publishes_json_csv_data_package_and_schema_with_their_headers()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();

        var json = await (await FeedBlobAsync(FeedFiles.JsonName)).DownloadContentAsync();
        Assert.Equal("application/json; charset=utf-8", json.Value.Details.ContentType);
        Assert.Equal("public, max-age=300", json.Value.Details.CacheControl);
        var csv = await (await FeedBlobAsync(FeedFiles.CsvName)).DownloadContentAsync();
        Assert.Equal("text/csv; charset=utf-8", csv.Value.Details.ContentType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Value.Content.ToArray()[..3]);
        var package = await (await FeedBlobAsync(FeedFiles.DataPackageName)).DownloadContentAsync();
        Assert.Equal("application/json; charset=utf-8", package.Value.Details.ContentType);
        var schemaBlob = await (await FeedBlobAsync(FeedFiles.SchemaName)).DownloadContentAsync();

        var schema = JsonSchema.FromText(schemaBlob.Value.Content.ToString());
        var result = schema.Evaluate(JsonDocument.Parse(json.Value.Content.ToString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);

        var feed = FeedFiles.ReadJson(json.Value.Content.ToMemory().Span);
        Assert.Equal(10, feed.Indicators.Count);
        Assert.All(feed.Indicators, i => Assert.Equal([2020, 2021, 2022, 2023], i.Actuals.Select(a => a.FiscalYear)));
        // 生活自立支援センター's CP932 CSV: 5 wards × 12 months summed; FY2023 = 1,150.
        var consultations = feed.Indicators.Single(i => i.Id == "III-1-K1");
        Assert.Equal(1150m, consultations.Latest!.Value);
        Assert.Equal(5, consultations.Actuals[^1].Areas.Count);
        Assert.False(consultations.Actuals[^1].Partial);
        Assert.Equal(("on_track", 93.0m), (consultations.Status, consultations.AchievementRatePercent));
        // 健康福祉政策課's .xls: a %-formatted 0.959 → 95.9; ratios by ward code → Σn / Σd.
        Assert.Equal(95.9m, feed.Indicators.Single(i => i.Id == "I-1-K1").Latest!.Value);
        Assert.InRange(feed.Indicators.Single(i => i.Id == "III-2-K1").Latest!.Value!.Value, 39m, 43m);
        Assert.Equal(43, feed.Policies.SelectMany(p => p.Measures).SelectMany(m => m.Initiatives).Count(i => i.Evaluations.Count == 4));
        Assert.Equal(feed.Indicators.Count, feed.Freshness.OverdueIndicators); // today (2026-11) FY2024 is due; samples stop at FY2023

        var archive = await FeedBlobAsync($"archive/{feed.GeneratedAt:yyyy-MM-dd}/{FeedFiles.JsonName}");
        Assert.True(await archive.ExistsAsync());
    }

    [Fact]
    public async Task A_run_that_changes_nothing_rewrites_nothing_and_a_new_upload_republishes()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();
        var blob = await FeedBlobAsync(FeedFiles.JsonName);
        var first = (await blob.GetPropertiesAsync()).Value.ETag;

        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        await RunTimerAsync();
        Assert.Equal(first, (await blob.GetPropertiesAsync()).Value.ETag);

        await Uploads.IngestAsync(_pipeline, "jutaku-seisaku/r6.csv", Uploads.Csv("indicator_id,fiscal_year,value\nIII-1-K2,令和6年度,402\n"));
        await RunTimerAsync();
        Assert.NotEqual(first, (await blob.GetPropertiesAsync()).Value.ETag);
        var feed = FeedFiles.ReadJson((await blob.DownloadContentAsync()).Value.Content.ToMemory().Span);
        Assert.Equal(new FeedValue(2024, 402), feed.Indicators.Single(i => i.Id == "III-1-K2").Latest);
        Assert.False(feed.Indicators.Single(i => i.Id == "III-1-K2").Overdue);
    }

    [Fact]
    public async Task The_open_data_container_allows_anonymous_read_of_blobs_only()
    {
        await RunTimerAsync();
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.Blob, (await container.GetAccessPolicyAsync()).Value.BlobPublicAccess);
        var uploads = await _pipeline.Storage.ContainerAsync(StorageNames.UploadsContainer, CancellationToken.None);
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, (await uploads.GetAccessPolicyAsync()).Value.BlobPublicAccess);
        var reports = await _pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, (await reports.GetAccessPolicyAsync()).Value.BlobPublicAccess);

        using var anonymous = new HttpClient();
        var blob = await FeedBlobAsync(FeedFiles.JsonName);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(blob.Uri)).StatusCode);
        // Listing needs container-level access: Azure answers 404, Azurite 403; never 200.
        Assert.Contains((await anonymous.GetAsync(container.Uri + "?restype=container&comp=list")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task The_progress_api_serves_the_feed_with_an_etag_and_answers_304()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();
        var api = new ProgressApi(_pipeline.Get<IFeedStore>());

        var ok = (FakeHttpResponse)await api.Run(new FakeHttpRequest("http://localhost/api/plans/kumamoto-welfare-4/progress"), "kumamoto-welfare-4", CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var etag = Assert.Single(ok.Headers.GetValues("ETag"));
        Assert.Matches("^\"[0-9a-f]{64}\"$", etag);
        Assert.Equal("application/json; charset=utf-8", Assert.Single(ok.Headers.GetValues("Content-Type")));
        Assert.Equal(10, JsonDocument.Parse(((MemoryStream)ok.Body).ToArray()).RootElement.GetProperty("indicators").GetArrayLength());

        var notModified = (FakeHttpResponse)await api.Run(new FakeHttpRequest("http://localhost/api/plans/kumamoto-welfare-4/progress", ("If-None-Match", etag)), "kumamoto-welfare-4", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(0, notModified.Body.Length);

        var missing = (FakeHttpResponse)await api.Run(new FakeHttpRequest("http://localhost/api/plans/other/progress"), "other-plan", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var hostile = (FakeHttpResponse)await api.Run(new FakeHttpRequest("http://localhost/api/plans/x/progress"), "../uploads", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, hostile.StatusCode);
    }
}
