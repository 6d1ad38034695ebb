using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Json.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Portal;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Functions;

namespace Pipeline.Integration.Tests;

/// <summary>From observations through the timer function to published blobs, on Azurite.</summary>
public sealed class NightlyAggregationTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance, builder => builder.AddPortal());
    private readonly TempFolder _published = new("published-feed-");

    public void Dispose()
    {
        using (_published)
        {
            _pipeline.Dispose();
        }
    }

    private async Task IngestSamplesAsync()
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var report = await Uploads.IngestAsync(_pipeline, Path.GetRelativePath(root, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
            Assert.Equal(UploadStatus.Accepted, report.Status);
        }
    }

    private Task RunTimerAsync() => Nightly.RunAsync(_pipeline);

    private async Task<BlobClient> FeedBlobAsync(string name)
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), name));
    }

    [Fact]
    public async Task The_timer_publishes_json_csv_data_package_and_schema_with_their_headers()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();

        var json = await (await FeedBlobAsync(FeedPaths.JsonName)).DownloadContentAsync();
        Assert.Equal("application/json; charset=utf-8", json.Value.Details.ContentType);
        Assert.Equal("public, max-age=300", json.Value.Details.CacheControl);
        var csv = await (await FeedBlobAsync(FeedPaths.CsvName)).DownloadContentAsync();
        Assert.Equal("text/csv; charset=utf-8", csv.Value.Details.ContentType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Value.Content.ToArray()[..3]);
        var package = await (await FeedBlobAsync(FeedPaths.DataPackageName)).DownloadContentAsync();
        Assert.Equal("application/json; charset=utf-8", package.Value.Details.ContentType);
        var schemaBlob = await (await FeedBlobAsync(FeedPaths.SchemaName)).DownloadContentAsync();

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
        Assert.Equal((ProgressStatus.OnTrack, 93.0m), (consultations.Status, consultations.AchievementRatePercent));
        // 健康福祉政策課's .xls: a %-formatted 0.959 → 95.9; ratios by ward code → Σn / Σd.
        Assert.Equal(95.9m, feed.Indicators.Single(i => i.Id == "I-1-K1").Latest!.Value);
        Assert.InRange(feed.Indicators.Single(i => i.Id == "III-2-K1").Latest!.Value!.Value, 39m, 43m);
        Assert.Equal(43, feed.Policies.SelectMany(p => p.Measures).SelectMany(m => m.Initiatives).Count(i => i.Evaluations.Count == 4));
        Assert.Equal(feed.Indicators.Count, feed.Freshness.OverdueIndicators); // today (2026-11) FY2024 is due; samples stop at FY2023

        var archive = await FeedBlobAsync($"archive/{feed.GeneratedAt:yyyy-MM-dd}/{FeedPaths.JsonName}");
        Assert.True(await archive.ExistsAsync());
    }

    [Fact]
    public async Task A_run_that_changes_nothing_rewrites_nothing_and_a_new_upload_republishes()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();
        var blob = await FeedBlobAsync(FeedPaths.JsonName);
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
    public async Task A_correction_is_one_revision_a_resent_file_none_and_every_published_file_reads_right_in_real_clients()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();
        var before = await RevisionRowsAsync();

        // The same file again (another name): a duplicate, which adds no revision and publishes nothing new.
        var sample = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Find(), "samples", "submissions", "jutaku-seisaku", "mimamori_visits.csv"));
        Assert.Equal(UploadStatus.Duplicate, (await Uploads.IngestAsync(_pipeline, "jutaku-seisaku/mimamori_visits (2).csv", sample)).Status);
        var etag = (await (await FeedBlobAsync(FeedPaths.JsonName)).GetPropertiesAsync()).Value.ETag;
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        await RunTimerAsync();
        Assert.Equal(before, await RevisionRowsAsync());
        Assert.Equal(etag, (await (await FeedBlobAsync(FeedPaths.JsonName)).GetPropertiesAsync()).Value.ETag);

        // A correction of FY2023 (390 → 395), received later (last-modified times have one-second resolution in Azurite).
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var correction = await Uploads.IngestAsync(_pipeline, "jutaku-seisaku/修正.csv", Uploads.Csv("indicator_id,fiscal_year,value\nIII-1-K2,令和5年度,395\n"));
        Assert.Equal(UploadStatus.Accepted, correction.Status);
        await RunTimerAsync();
        var after = await RevisionRowsAsync();
        Assert.Equal(before.Count + 1, after.Count);
        var row = after[^1].Split(',');
        Assert.Equal(["kumamoto-welfare-4", "III-1-K2", "2023", "431001", "", "390", "395"], row[..7]);
        Assert.Equal("jutaku-seisaku", row[11]);

        var feed = FeedFiles.ReadJson((await (await FeedBlobAsync(FeedPaths.JsonName)).DownloadContentAsync()).Value.Content.ToMemory().Span);
        var fy2023 = feed.Indicators.Single(i => i.Id == "III-1-K2").Actuals.Single(a => a.FiscalYear == 2023);
        Assert.Equal(395m, fy2023.Value);
        Assert.Equal(row[8], Assert.Single(fy2023.Source!.UploadIds));
        Assert.Equal((row[7], row[8]), (Assert.Single(fy2023.Revisions!).PreviousUploadId, fy2023.Revisions![0].UploadId));
        Assert.All(feed.Indicators.SelectMany(i => i.Actuals), a => Assert.NotEmpty(a.Source!.UploadIds));
        Assert.StartsWith(_pipeline.Storage.ContainerName(StorageNames.OpenDataContainer), new Uri(feed.LicenseDetail.DatasetUrl).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[1], StringComparison.Ordinal);
        Assert.DoesNotContain("mimamori", Encoding.UTF8.GetString((await (await FeedBlobAsync(FeedPaths.JsonName)).DownloadContentAsync()).Value.Content.ToArray()), StringComparison.Ordinal);

        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var folder = FeedPaths.Folder(PlanId.Parse("kumamoto-welfare-4")) + "/";
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, folder, CancellationToken.None))
        {
            var name = blob.Name[folder.Length..];
            if (!name.StartsWith("archive/", StringComparison.Ordinal))
            {
                files[name] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            }
        }

        Assert.Contains(OpenSdgExport.DataName("III-1-K2"), files.Keys);
        Assert.Contains(FeedPaths.WorkbookName, files.Keys);
        await PublishedFeedChecks.AssertAsync(_published, files);
        Assert.True(await (await FeedBlobAsync($"archive/{feed.GeneratedAt:yyyy-MM-dd}/{RevisionsCsv.Name}")).ExistsAsync());
    }

    private async Task<List<string>> RevisionRowsAsync()
    {
        var content = (await (await FeedBlobAsync(RevisionsCsv.Name)).DownloadContentAsync()).Value.Content.ToArray();
        return Encoding.UTF8.GetString(content[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
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
        var blob = await FeedBlobAsync(FeedPaths.JsonName);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(blob.Uri)).StatusCode);
        // Listing needs container-level access: Azure answers 404, Azurite 403; never 200.
        Assert.Contains((await anonymous.GetAsync(container.Uri + "?restype=container&comp=list")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task The_progress_api_serves_the_feed_with_an_etag_and_answers_304()
    {
        await IngestSamplesAsync();
        await RunTimerAsync();
        var api = new ProgressApi(_pipeline.Get<Pipeline.Portal.Api.PortalApi>());

        var ok = await CallAsync(api, "kumamoto-welfare-4");
        Assert.Equal(StatusCodes.Status200OK, ok.Response.StatusCode);
        var etag = Assert.Single(ok.Response.Headers.ETag.ToArray());
        Assert.Matches("^\"[0-9a-f]{64}\"$", etag);
        Assert.Equal("application/json; charset=utf-8", ok.Response.ContentType);
        Assert.Equal(10, JsonDocument.Parse(((MemoryStream)ok.Response.Body).ToArray()).RootElement.GetProperty("indicators").GetArrayLength());

        var notModified = await CallAsync(api, "kumamoto-welfare-4", etag);
        Assert.Equal(StatusCodes.Status304NotModified, notModified.Response.StatusCode);
        Assert.Equal(0, notModified.Response.Body.Length);

        Assert.Equal(StatusCodes.Status404NotFound, (await CallAsync(api, "other-plan")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await CallAsync(api, "../uploads")).Response.StatusCode);
    }

    /// <summary>Calls the function class with an ASP.NET Core request, as the worker's ASP.NET Core integration does.</summary>
    private async Task<HttpContext> CallAsync(ProgressApi api, string planId, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext { RequestServices = _pipeline.Services };
        context.Request.Method = HttpMethods.Get; // the trigger's one method; the portal's edge refuses a request without one
        context.Response.Body = new MemoryStream();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        await api.Run(context.Request, planId);
        return context;
    }
}
