using Pipeline.Domain.Catalogue;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Publication;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;

namespace Pipeline.Integration.Tests;

/// <summary>The CKAN push against a loopback CKAN that fails on cue: retries, Retry-After, timeouts, success=false, the breaker.</summary>
public sealed class CkanPushTests : IDisposable
{
    private readonly FakeCkan _ckan = new("kumamoto-welfare-progress", "token-123");
    private TestPipeline? _started;

    /// <summary>
    /// The pipeline, with the production try timeout (30 s) unless a test asks for a short one: a try's
    /// timeout is never a bet that the loopback portal answers in time on a loaded machine. Tests that
    /// need a timeout make the portal never answer, and assert outcomes, not request counts, around it.
    /// </summary>
    private TestPipeline _pipeline => _started ??= Start(TimeSpan.FromSeconds(30));

    private TestPipeline Start(TimeSpan tryTimeout) => _started = new TestPipeline(Azurite.Instance, settings: new Dictionary<string, string?>
    {
        ["Ckan:BaseUrl"] = _ckan.BaseUrl.ToString(),
        ["Ckan:DatasetId"] = _ckan.DatasetId,
        ["Ckan:ApiToken"] = _ckan.Token,
        ["Ckan:RetryCount"] = "4",
        ["Ckan:BaseDelay"] = "00:00:00.050",
        ["Ckan:TryTimeout"] = tryTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Ckan:TotalTimeout"] = "00:02:00",
        ["Ckan:BreakerFailures"] = "3",
        ["Ckan:BreakDuration"] = "00:00:30",
    });

    public void Dispose()
    {
        _started?.Dispose();
        _ckan.Dispose();
    }

    private async Task SeedAsync(int value = 180) =>
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, $"shakyo/{value}.csv", Uploads.Csv($"指標ID,年度,実績値\nI-1-K2,2021,{value}\n"))).Status);

    private async Task<AggregationRun> RunAsync() => (await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None)).Plans.Single();

    private async Task<byte[]> PublishedJsonAsync()
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return (await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.JsonName)).DownloadContentAsync()).Value.Content.ToArray();
    }

    [Fact]
    public async Task Creates_then_patches_the_json_and_csv_resources_with_the_token()
    {
        await SeedAsync();
        Assert.True((await RunAsync()).PortalPushed);
        Assert.Equal(["progress.csv", "progress.json"], _ckan.Resources.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
        Assert.All(_ckan.Requests, r => Assert.Equal("token-123", r.Authorization));

        await SeedAsync(200);
        Assert.True((await RunAsync()).PortalPushed);
        Assert.All(_ckan.Resources, r => Assert.Equal(2, (int)r["updates"]!));
        Assert.Contains(_ckan.Requests, r => r.Action.EndsWith("resource_patch", StringComparison.Ordinal));

        var before = _ckan.Requests.Count;
        Assert.Null((await RunAsync()).PortalPushed); // nothing changed and the portal has it: no request at all
        Assert.Equal(before, _ckan.Requests.Count);
    }

    [Fact]
    public async Task Transient_503s_are_retried()
    {
        await SeedAsync();
        _ckan.Next503(2);
        Assert.True((await RunAsync()).PortalPushed);
        Assert.Equal(2, _ckan.Requests.Count(r => r.Status == 503));
        Assert.Equal(2, _ckan.Resources.Count);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_it_asks_for()
    {
        await SeedAsync();
        _ckan.Next429(retryAfterSeconds: 1);
        Assert.True((await RunAsync()).PortalPushed);
        var requests = _ckan.Requests.ToList();
        Assert.Equal(429, requests[0].Status);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"waited {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_try_that_times_out_is_retried()
    {
        Start(tryTimeout: TimeSpan.FromSeconds(1));
        await SeedAsync();
        _ckan.NextHang();
        Assert.True((await RunAsync()).PortalPushed);
        Assert.Equal(["progress.csv", "progress.json"], _ckan.Resources.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CKAN_resource_create_is_idempotent_a_create_whose_answer_is_lost_is_not_made_twice()
    {
        Start(tryTimeout: TimeSpan.FromSeconds(1));
        await SeedAsync();
        _ckan.NextDoneButAnswerLost("resource_create"); // package_show passes; the first create is done, its answer never comes
        Assert.True((await RunAsync()).PortalPushed);
        Assert.Equal(["progress.csv", "progress.json"], _ckan.Resources.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(_ckan.Resources, r => (string?)r["format"] is null);

        await SeedAsync(200);
        Assert.True((await RunAsync()).PortalPushed);
        Assert.Equal(2, _ckan.Resources.Count);
    }

    [Fact]
    public async Task Success_false_is_a_failure_the_feed_stays_and_the_next_run_pushes_again()
    {
        await SeedAsync();
        _ckan.NextSuccessFalse();
        var failed = await RunAsync();
        Assert.False(failed.PortalPushed);
        Assert.True(failed.Published);
        Assert.Single(_ckan.Requests); // success=false on HTTP 200 is not transient: no retry
        var feed = FeedFiles.ReadJson(await PublishedJsonAsync());
        Assert.Equal(180m, feed.Indicators.Single(i => i.Id == "I-1-K2").Latest!.Value);

        var retried = await RunAsync();
        Assert.False(retried.Published); // the feed did not change …
        Assert.True(retried.PortalPushed); // … but the portal had not taken it yet
        Assert.Equal(2, _ckan.Resources.Count);
    }

    [Fact]
    public async Task The_circuit_breaker_opens_after_consecutive_failures_and_the_feed_is_unharmed()
    {
        await SeedAsync();
        _ckan.Next503(50);
        var run = await RunAsync();
        Assert.False(run.PortalPushed);
        Assert.True(run.Published);
        // 3 failures open the circuit; the 4 retries allowed then fail fast without reaching the portal.
        Assert.True(_ckan.Requests.Count == 3, string.Join("; ", _ckan.Requests.Select(r => $"{r.Action} {r.Status} {r.At:HH:mm:ss.fff}")));
        Assert.Equal(180m, FeedFiles.ReadJson(await PublishedJsonAsync()).Indicators.Single(i => i.Id == "I-1-K2").Latest!.Value);
    }
}
