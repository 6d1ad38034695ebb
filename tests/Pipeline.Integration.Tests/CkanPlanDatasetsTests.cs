using Microsoft.Extensions.DependencyInjection;
using Pipeline.Domain.Review;
using Pipeline.Application.Review;
using System.Text;
using Microsoft.Extensions.Logging;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;

namespace Pipeline.Integration.Tests;

/// <summary>
/// A dataset per plan (docs/settings.md: <c>Ckan__Datasets__{planId}</c>) on Azurite against a loopback
/// CKAN: the built-in default plan kumamoto-welfare-4 and the sample kumamoto-welfare-5 side by side, each
/// pushed to its own dataset, and the sample tamana-health-3, which has none and is not pushed.
/// </summary>
public sealed class CkanPlanDatasetsTests : IDisposable
{
    private const string Fourth = "kumamoto-welfare-4";
    private const string Fifth = "kumamoto-welfare-5";
    private const string Tamana = "tamana-health-3";
    private const string FourthDataset = "kumamoto-welfare-4-progress";
    private const string FifthDataset = "kumamoto-welfare-5-progress";
    private const string FifthDatasetMoved = "kumamoto-welfare-5-seika-shihyo";

    private readonly FakeCkan _ckan = new([FourthDataset, FifthDataset, FifthDatasetMoved], "token-123");
    private readonly CapturedLogs _logs = new();
    private readonly TempFolder _plans = new("plans-");
    private TestPipeline? _started;

    public CkanPlanDatasetsTests()
    {
        foreach (var plan in new[] { Fifth, Tamana })
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{plan}.json"), _plans.File($"{plan}.json"));
        }
    }

    /// <summary>The default plan's dataset as the older single setting (Ckan:DatasetId), the fifth plan's in Ckan:Datasets.</summary>
    private TestPipeline _pipeline => _started ??= Start(new()
    {
        ["Ckan:DatasetId"] = FourthDataset,
        [$"Ckan:Datasets:{Fifth}"] = FifthDataset,
    });

    private TestPipeline Start(Dictionary<string, string?> datasets)
    {
        var settings = new Dictionary<string, string?>(datasets)
        {
            ["Pipeline:PlansPath"] = _plans.Path,
            ["Ckan:BaseUrl"] = _ckan.BaseUrl.ToString(),
            ["Ckan:ApiToken"] = _ckan.Token,
            ["Ckan:BaseDelay"] = "00:00:00.050",
        };
        return _started = new TestPipeline(Azurite.Instance, builder => builder.Logging.AddProvider(_logs), settings);
    }

    public void Dispose()
    {
        _started?.Dispose();
        _ckan.Dispose();
        _plans.Dispose();
    }

    private static byte[] Sample(params string[] path) => File.ReadAllBytes(Path.Combine([RepositoryRoot.Find(), "samples", .. path]));

    /// <summary>Ingests an upload; kumamoto-welfare-5 is reviewed, so its uploads are approved by the secretariat.</summary>
    private async Task IngestAsync(string blobName, byte[] content)
    {
        var report = await Uploads.IngestAsync(_pipeline, blobName, content);
        var status = report.Status;
        if (status == UploadStatus.PendingReview)
        {
            var review = ActivatorUtilities.CreateInstance<ReviewService>(_pipeline.Services); // the portal registers it
            var approved = await review.DecideAsync(_pipeline.Get<PlanSet>().Find(blobName.Split('/')[0])!,
                report.UploadId!.Value, ReviewDecision.Approve, null, "secretary-oid", "事務局 花子", CancellationToken.None);
            status = approved.Decided?.Status ?? status;
        }

        Assert.True(status == UploadStatus.Accepted, $"{blobName}: {string.Join("; ", report.Problems.Select(p => p.Code))}");
    }

    private async Task SeedFourthAndFifthAsync()
    {
        await IngestAsync("shakyo/180.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        await IngestAsync($"{Fifth}/kenko-fukushi-seisaku/R7.csv", Sample("plans", Fifth, "kenko-fukushi-seisaku", "R7_成果指標.csv"));
    }

    /// <summary>The nightly run as the timer decides it: only plans that need work.</summary>
    private async Task<NightlyRun> NightlyAsync() =>
        await _pipeline.Get<NightlyAggregationService>().RunAsync(new NightlyRequest(Force: false), CancellationToken.None);

    private async Task<string> PublishedAsync(string plan, string file)
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return Encoding.UTF8.GetString((await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse(plan), file)).DownloadContentAsync()).Value.Content.ToArray());
    }

    private static string Upload(IReadOnlyList<System.Text.Json.Nodes.JsonObject> resources, string name) =>
        (string)resources.Single(r => (string?)r["name"] == name)["upload"]!;

    [Fact]
    public async Task Each_plan_with_a_dataset_gets_its_own_files_in_its_own_dataset_and_a_plan_without_one_is_not_pushed()
    {
        await SeedFourthAndFifthAsync();
        await IngestAsync($"{Tamana}/kenko-suishin/健診・相談_R6-R8.csv", Sample("plans", Tamana, "kenko-suishin", "健診・相談_R6-R8.csv"));

        var run = await NightlyAsync();
        Assert.True(run.For(Fourth).PortalPushed);
        Assert.True(run.For(Fifth).PortalPushed);
        Assert.True(run.For(Tamana).Published);
        Assert.Null(run.For(Tamana).PortalPushed); // no dataset: no portal tried

        foreach (var (plan, dataset) in new[] { (Fourth, FourthDataset), (Fifth, FifthDataset) })
        {
            var resources = _ckan.ResourcesOf(dataset);
            Assert.Equal(["progress.csv", "progress.json"], resources.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
            // The very files of the blob feed of that plan, not of another.
            Assert.Equal(plan, FeedFiles.ReadJson(Encoding.UTF8.GetBytes(Upload(resources, FeedPaths.JsonName))).Plan.Id);
            Assert.Equal(await PublishedAsync(plan, FeedPaths.JsonName), Upload(resources, FeedPaths.JsonName));
            Assert.Equal(await PublishedAsync(plan, FeedPaths.CsvName), Upload(resources, FeedPaths.CsvName));
        }

        Assert.Equal(4, _ckan.Resources.Count);
        Assert.All(_ckan.Requests, r => Assert.Contains(r.Dataset, new[] { FourthDataset, FifthDataset }));
        var notPushed = _logs.Entries.Where(e => e.Message.Contains(Tamana, StringComparison.Ordinal) && e.Message.Contains("ckan", StringComparison.Ordinal)).ToList();
        Assert.Equal(LogLevel.Information, Assert.Single(notPushed).Level);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_second_run_with_nothing_changed_pushes_nothing_and_a_change_to_one_plan_pushes_only_that_plan()
    {
        await SeedFourthAndFifthAsync();
        var first = await NightlyAsync();
        Assert.True(first.For(Fourth).PortalPushed);
        Assert.True(first.For(Fifth).PortalPushed);

        var before = _ckan.Requests.Count;
        Assert.Empty((await NightlyAsync()).Plans); // nothing to recompute, no portal pending
        var forced = await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        Assert.All(forced.Plans, r => Assert.Null(r.PortalPushed)); // recomputed, but each plan's portal has its content
        Assert.Equal(before, _ckan.Requests.Count);

        await IngestAsync($"{Fifth}/kenko-fukushi-seisaku/fy2024.csv", Uploads.Csv("指標ID,年度,実績値\nIII-2-K1,2024,35.5\n"));
        var changed = await NightlyAsync();
        Assert.Equal([Fifth], changed.Plans.Select(r => r.Feed.Plan.Id));
        Assert.True(changed.For(Fifth).PortalPushed);
        Assert.All(_ckan.Requests.Skip(before), r => Assert.Equal(FifthDataset, r.Dataset));
        Assert.All(_ckan.ResourcesOf(FourthDataset), r => Assert.Equal(1, (int)r["updates"]!));
        Assert.All(_ckan.ResourcesOf(FifthDataset), r => Assert.Equal(2, (int)r["updates"]!));
        var pushed = FeedFiles.ReadJson(Encoding.UTF8.GetBytes(Upload(_ckan.ResourcesOf(FifthDataset), FeedPaths.JsonName)));
        Assert.Equal(35.5m, pushed.Indicators.Single(i => i.Id == "III-2-K1").Actuals.Single(a => a.FiscalYear == 2024).Value);
    }

    [Fact]
    public async Task A_plan_pointed_at_another_dataset_is_pushed_there_the_next_night_though_its_content_did_not_change()
    {
        await SeedFourthAndFifthAsync();
        Assert.True((await NightlyAsync()).For(Fifth).PortalPushed);
        var before = _ckan.Requests.Count;

        // The operator moves the fifth plan to a new dataset: the app restarts with the new setting, same storage.
        using var moved = new TestPipeline(Azurite.Instance, builder => builder.Logging.AddProvider(_logs), new Dictionary<string, string?>
        {
            ["Pipeline:StoragePrefix"] = _pipeline.Prefix,
            ["Pipeline:PlansPath"] = _plans.Path,
            ["Ckan:BaseUrl"] = _ckan.BaseUrl.ToString(),
            ["Ckan:ApiToken"] = _ckan.Token,
            ["Ckan:DatasetId"] = FourthDataset,
            [$"Ckan:Datasets:{Fifth}"] = FifthDatasetMoved,
        });
        var decided = await moved.Get<PlanDecision>().DecideAsync(moved.Get<Domain.Catalogue.PlanSet>(), moved.Get<Domain.Catalogue.PlanSet>().Plans, force: false, CancellationToken.None);
        Assert.Equal([(Fifth, PlanReason.Portal)], decided.Select(m => (m.PlanId, m.Reason)));

        var run = await moved.Get<NightlyAggregationService>().RunAsync(new NightlyRequest(Force: false), CancellationToken.None);

        Assert.Equal([Fifth], run.Plans.Select(r => r.Feed.Plan.Id));
        Assert.Equal((false, (bool?)true), (run.For(Fifth).Published, run.For(Fifth).PortalPushed)); // same content, new place
        Assert.All(_ckan.Requests.Skip(before), r => Assert.Equal(FifthDatasetMoved, r.Dataset));
        Assert.Equal(await PublishedAsync(Fifth, FeedPaths.JsonName), Upload(_ckan.ResourcesOf(FifthDatasetMoved), FeedPaths.JsonName));
        Assert.Empty((await moved.Get<NightlyAggregationService>().RunAsync(new NightlyRequest(Force: false), CancellationToken.None)).Plans);
    }

    [Fact]
    public async Task A_plan_whose_push_failed_is_pushed_again_next_night_and_the_other_plan_is_left_alone()
    {
        // Both datasets in Ckan:Datasets, the default plan's too, and no Ckan:DatasetId.
        Start(new() { [$"Ckan:Datasets:{Fourth}"] = FourthDataset, [$"Ckan:Datasets:{Fifth}"] = FifthDataset });
        await SeedFourthAndFifthAsync();
        _ckan.NextSuccessFalseFor(FifthDataset);
        var first = await NightlyAsync();
        Assert.True(first.For(Fourth).PortalPushed);
        Assert.False(first.For(Fifth).PortalPushed);
        Assert.True(first.For(Fifth).Published); // the blob feed stands
        Assert.Empty(_ckan.ResourcesOf(FifthDataset));

        var decided = await _pipeline.Get<PlanDecision>().DecideAsync(_pipeline.Get<Domain.Catalogue.PlanSet>(), _pipeline.Get<Domain.Catalogue.PlanSet>().Plans, force: false, CancellationToken.None);
        Assert.Equal([(Fifth, PlanReason.Portal)], decided.Select(m => (m.PlanId, m.Reason)));

        var before = _ckan.Requests.Count;
        var retried = await NightlyAsync();
        Assert.Equal([Fifth], retried.Plans.Select(r => r.Feed.Plan.Id));
        Assert.False(retried.For(Fifth).Published); // the feed did not change …
        Assert.True(retried.For(Fifth).PortalPushed); // … but its dataset had not taken it yet
        Assert.All(_ckan.Requests.Skip(before), r => Assert.Equal(FifthDataset, r.Dataset));
        Assert.Equal(await PublishedAsync(Fifth, FeedPaths.JsonName), Upload(_ckan.ResourcesOf(FifthDataset), FeedPaths.JsonName));

        Assert.Empty((await NightlyAsync()).Plans);
    }

    [Fact]
    public async Task Two_plans_on_one_dataset_are_not_pushed_and_their_blob_feeds_are_published_all_the_same()
    {
        Start(new() { ["Ckan:DatasetId"] = FourthDataset, [$"Ckan:Datasets:{Fifth}"] = FourthDataset });
        await SeedFourthAndFifthAsync();

        var run = await NightlyAsync();

        Assert.Equal((true, true), (run.For(Fourth).Published, run.For(Fifth).Published));
        Assert.Equal(((bool?)null, (bool?)null), (run.For(Fourth).PortalPushed, run.For(Fifth).PortalPushed));
        Assert.Empty(_ckan.Requests);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains($"{Fourth}, {Fifth}", error.Message, StringComparison.Ordinal);
        Assert.Empty((await NightlyAsync()).Plans); // not a portal left behind: nothing to do the next night
    }
}
