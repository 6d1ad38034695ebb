using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Domain.Problems;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §7 in Azure: the app has no folder a city can drop a plan file in (its storage allows no shared
/// keys, so no file share is mounted), so plan files are kept in a private blob container
/// (<c>Pipeline__PlansContainer</c>) and read with the app's identity when the plan set is built. On Azurite:
/// a plan uploaded there is served end to end, a broken one beside it is listed with its problems and not
/// served, and a container that cannot be read is a listed problem while the other plans are served.
/// </summary>
public sealed class PlansContainerTests
{
    private const string Tamana = "tamana-health-3";

    private static byte[] Sample(params string[] path) => File.ReadAllBytes(Path.Combine([RepositoryRoot.Find(), "samples", .. path]));

    private static TestPipeline Pipeline(string container) =>
        new(Azurite.Instance, settings: new Dictionary<string, string?> { ["Pipeline:PlansContainer"] = container });

    [Fact]
    public async Task A_plan_file_uploaded_to_the_plans_container_is_served_and_published_and_a_broken_one_is_listed_not_served()
    {
        using var pipeline = Pipeline("plans");
        var container = pipeline.Storage.ExistingContainer("plans");
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync($"{Tamana}.json", new BinaryData(Sample("plans", $"{Tamana}.json")));
        await container.UploadBlobAsync("broken-plan.json", new BinaryData("""{ "id": "broken-plan", "name": { "en": "no Japanese" } }"""));
        await container.UploadBlobAsync("README.txt", new BinaryData("not a plan file")); // only *.json is read

        var plans = pipeline.Get<PlanSet>();

        Assert.Equal(["kumamoto-welfare-4", Tamana], plans.Plans.Select(p => p.Id.Value).Where(id => id is "kumamoto-welfare-4" or Tamana));
        Assert.Equal($"{container.Name}/{Tamana}.json", plans.Entry(Tamana)!.Source);
        Assert.NotNull(plans.Entry(Tamana)!.DefinitionHash);
        var broken = plans.Entry("broken-plan")!;
        Assert.False(broken.IsValid);
        Assert.Contains(broken.Problems, p => p.Path.StartsWith("$.name", StringComparison.Ordinal));
        Assert.DoesNotContain(plans.Entries, e => e.Source.EndsWith("README.txt", StringComparison.Ordinal));

        // Served end to end: an upload under its prefix is accepted, and the nightly run publishes its feed.
        var report = await Uploads.IngestAsync(pipeline, $"{Tamana}/kenko-suishin/健診・相談_R6-R8.csv", Sample("plans", Tamana, "kenko-suishin", "健診・相談_R6-R8.csv"));
        Assert.Equal((UploadStatus.Accepted, Tamana), (report.Status, report.PlanId));
        var run = await pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        Assert.Equal(1, run.For(Tamana).AcceptedUploads);
        var opendata = await pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var feed = FeedFiles.ReadJson((await opendata.GetBlobClient(BlobFeedStore.Path(PlanId.Parse(Tamana), FeedPaths.JsonName)).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(Tamana, feed.Plan.Id);

        // An upload to the broken plan is refused with a report, as for a broken file in the plans folder.
        var refused = await Uploads.IngestAsync(pipeline, "broken-plan/kenko-suishin/x.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K1,2025,1\n"));
        Assert.Equal((UploadStatus.Rejected, ProblemCode.PlanNotServed), (refused.Status, Assert.Single(refused.Problems).Code));
    }

    [Fact]
    public async Task A_warm_instance_s_nightly_run_reads_an_edited_plan_file_and_instances_started_apart_agree()
    {
        using var warm = Pipeline("plans");
        var container = warm.Storage.ExistingContainer("plans");
        await container.CreateIfNotExistsAsync();
        var original = Sample("plans", $"{Tamana}.json");
        await container.UploadBlobAsync($"{Tamana}.json", new BinaryData(original));
        Assert.NotNull(warm.Get<PlanSet>().Find(Tamana)); // the instance starts, reading the container once
        await Uploads.IngestAsync(warm, $"{Tamana}/kenko-suishin/健診・相談_R6-R8.csv", Sample("plans", Tamana, "kenko-suishin", "健診・相談_R6-R8.csv"));
        Assert.Contains(await DispatchAndRunAsync(warm), m => m == (Tamana, PlanReason.First));
        Assert.DoesNotContain(await DispatchAndRunAsync(warm), m => m.PlanId == Tamana);

        // The city edits the plan file in the container: the warm instance's next night reads it, without a restart.
        var edited = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(original)
            .Replace("（第3次）【サンプル", "（第3次・改定）【サンプル", StringComparison.Ordinal));
        Assert.NotEqual(original, edited);
        await container.GetBlobClient($"{Tamana}.json").UploadAsync(new BinaryData(edited), overwrite: true);
        Assert.Equal([(Tamana, PlanReason.Definition)], (await DispatchAndRunAsync(warm)).Where(m => m.PlanId == Tamana));
        Assert.Contains("（第3次・改定）", (await PublishedFeedAsync(warm)).Plan.Name.Ja, StringComparison.Ordinal);

        // An instance started after the edit agrees, and so does the warm one after it: nobody flips the plan back.
        using var later = new TestPipeline(Azurite.Instance, settings: new Dictionary<string, string?>
        {
            ["Pipeline:PlansContainer"] = "plans", ["Pipeline:StoragePrefix"] = warm.Prefix,
        });
        Assert.DoesNotContain(await DispatchAndRunAsync(later), m => m.PlanId == Tamana);
        Assert.DoesNotContain(await DispatchAndRunAsync(warm), m => m.PlanId == Tamana);
        Assert.Contains("（第3次・改定）", (await PublishedFeedAsync(warm)).Plan.Name.Ja, StringComparison.Ordinal);
    }

    /// <summary>The timer's decision, then each message handled as the queue function does; the plans decided and why.</summary>
    private static async Task<List<(string PlanId, PlanReason Reason)>> DispatchAndRunAsync(TestPipeline pipeline)
    {
        var messages = await pipeline.Get<NightlyDispatch>().DispatchAsync(CancellationToken.None);
        foreach (var message in messages)
        {
            await pipeline.Get<PlanWorker>().HandleAsync(message, publishIndex: true, CancellationToken.None);
        }

        return messages.Select(m => (m.PlanId, m.Reason)).ToList();
    }

    private static async Task<Publishing.Document.ProgressFeed> PublishedFeedAsync(TestPipeline pipeline)
    {
        var opendata = await pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        return FeedFiles.ReadJson((await opendata.GetBlobClient(BlobFeedStore.Path(PlanId.Parse(Tamana), FeedPaths.JsonName)).DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public void A_plans_container_that_cannot_be_read_is_a_listed_problem_and_the_built_in_plans_are_still_served()
    {
        using var pipeline = Pipeline("missing-plans");

        var plans = pipeline.Get<PlanSet>();

        var entry = plans.Entry(pipeline.Storage.ExistingContainer("missing-plans").Name)!;
        Assert.False(entry.IsValid);
        Assert.Contains("404", Assert.Single(entry.Problems).Message, StringComparison.Ordinal);
        Assert.Equal("kumamoto-welfare-4", plans.Default!.Id.Value);
    }
}
