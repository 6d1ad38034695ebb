using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Functions;

namespace Pipeline.Integration.Tests;

/// <summary>
/// The incremental nightly run (docs/storage-and-publication.md) on Azurite. Two deployments read the same
/// uploads and observations: one runs the timer and the queue function (incremental), the other
/// recomputes every plan every night (<c>aggregate --force</c>), each publishing to its own container.
/// After every day of uploads, plan-file edits and dates passing, both containers hold the same files.
/// </summary>
public sealed class IncrementalPublicationTests : IDisposable
{
    private const string Kumamoto = "kumamoto-welfare-4";
    private const string Tamana = "tamana-health-3";
    private readonly TempFolder _plans = new("plans-");
    private readonly string _data = Azurite.NewPrefix();
    private readonly string _full = Azurite.NewPrefix();
    private DateTimeOffset _now = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);

    public IncrementalPublicationTests()
    {
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{Tamana}.json"), _plans.File($"{Tamana}.json"));
        }
        catch
        {
            // xunit disposes only an instance it could construct.
            _plans.Dispose();
            throw;
        }
    }

    /// <summary>Each test disposes the pipelines it starts before it ends; the plans folder goes last.</summary>
    public void Dispose() => _plans.Dispose();

    /// <summary>The incremental deployment as the Functions app composes it (a new start each day, so an edited plan file is served).</summary>
    private TestPipeline Incremental() => At(new TestPipeline(Azurite.Instance, settings: Settings(_data)));

    /// <summary>The forced deployment: its own records and container, the incremental one's ledger and observations.</summary>
    private TestPipeline Full()
    {
        var data = new StorageAccount(new TableServiceClient(Azurite.Instance.ConnectionString), new BlobServiceClient(Azurite.Instance.ConnectionString), 4, _data);
        var ledger = new TableUploadLedger(data);
        return At(new TestPipeline(Azurite.Instance, builder =>
        {
            builder.Services.AddSingleton<IUploadLedger>(ledger);
            builder.Services.AddSingleton<IAcceptedUploadMarks>(ledger);
            builder.Services.AddSingleton<IObservationStore>(new TableObservationStore(data));
        }, Settings(_full)));
    }

    private Dictionary<string, string?> Settings(string prefix) => new() { ["Pipeline:PlansPath"] = _plans.Path, ["Pipeline:StoragePrefix"] = prefix };

    private TestPipeline At(TestPipeline pipeline)
    {
        pipeline.Clock.SetUtcNow(_now);
        return pipeline;
    }

    private static byte[] Sample(params string[] path) => File.ReadAllBytes(Path.Combine([RepositoryRoot.Find(), "samples", .. path]));

    private async Task IngestAsync(string blobName, byte[] content, UploadStatus expected)
    {
        using var pipeline = Incremental();
        Assert.Equal(expected, (await Uploads.IngestAsync(pipeline, blobName, content)).Status);
    }

    /// <summary>One night both ways; returns the incremental deployment's messages as (plan, reason).</summary>
    private async Task<List<(string Plan, PlanReason Reason)>> NightAsync()
    {
        List<(string, PlanReason)> decided;
        using (var incremental = Incremental())
        {
            decided = [.. (await Nightly.RunAsync(incremental)).Select(PlanMessage.Parse).Select(m => (m.PlanId, m.Reason))];
        }

        using (var full = Full())
        {
            var run = await full.Get<NightlyAggregationService>().RunAsync(new NightlyRequest(Force: true), CancellationToken.None);
            Assert.Equal(2, run.Plans.Count);
        }

        await AssertSamePublicationAsync();
        return decided;
    }

    [Fact]
    public async Task Uploads_plan_edits_and_passing_dates_publish_exactly_what_a_full_recomputation_publishes()
    {
        // Day 0: the first uploads of both plans; every plan is computed for the first time.
        await IngestAsync("shakyo/R5.xlsx", Sample("submissions", "shakyo", "R5_成果指標実績_社協.xlsx"), UploadStatus.Accepted);
        await IngestAsync($"{Tamana}/kenko-suishin/r6-r8.csv", Sample("plans", Tamana, "kenko-suishin", "健診・相談_R6-R8.csv"), UploadStatus.Accepted);
        Assert.Equal([(Kumamoto, PlanReason.First), (Tamana, PlanReason.First)], await NightAsync());

        // Day 1: nothing new: no plan is recomputed and no blob is touched.
        var before = await BlobVersionsAsync(_data);
        _now = _now.AddDays(1);
        Assert.Empty(await NightAsync());
        Assert.Equal(before, await BlobVersionsAsync(_data));

        // Day 2: an upload to one plan and a resent copy (a duplicate, never accepted): that plan alone.
        await IngestAsync($"{Kumamoto}/jutaku-seisaku/visits.csv", Sample("submissions", "jutaku-seisaku", "mimamori_visits.csv"), UploadStatus.Accepted);
        await IngestAsync("shakyo/R5 (2).xlsx", Sample("submissions", "shakyo", "R5_成果指標実績_社協.xlsx"), UploadStatus.Duplicate);
        before = await BlobVersionsAsync(_data);
        _now = _now.AddDays(1);
        Assert.Equal([(Kumamoto, PlanReason.Upload)], await NightAsync());
        var after = await BlobVersionsAsync(_data);
        Assert.All(before.Where(b => b.Key.Contains(Tamana, StringComparison.Ordinal)), b => Assert.Equal(b.Value, after[b.Key]));
        Assert.Contains(before, b => b.Key.Contains(Kumamoto, StringComparison.Ordinal) && after[b.Key] != b.Value);

        // FY2026 ends (1 April 2027, JST): its partial values become complete; then its results fall due (1 July).
        _now = new DateTimeOffset(2027, 3, 31, 15, 30, 0, TimeSpan.Zero);
        Assert.Equal([(Kumamoto, PlanReason.Calendar), (Tamana, PlanReason.Calendar)], await NightAsync());
        _now = new DateTimeOffset(2027, 6, 30, 15, 30, 0, TimeSpan.Zero);
        Assert.Equal([(Tamana, PlanReason.Calendar)], await NightAsync()); // the closed plan's last results were due long ago
        _now = _now.AddDays(1);
        Assert.Empty(await NightAsync());

        // The plan file is edited (a target raised): the next start serves it, and that plan alone is recomputed.
        var file = _plans.File($"{Tamana}.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"target\": { \"fiscalYear\": 2029, \"value\": 60.0 }", "\"target\": { \"fiscalYear\": 2029, \"value\": 65.0 }", StringComparison.Ordinal));
        _now = _now.AddDays(1);
        Assert.Equal([(Tamana, PlanReason.Definition)], await NightAsync());

        // More uploads to both plans on one day.
        await IngestAsync($"{Tamana}/koureisha-shien/r6-r7.csv", Sample("plans", Tamana, "koureisha-shien", "低栄養傾向_R6-R7.csv"), UploadStatus.Accepted);
        await IngestAsync("seikatsu-jiritsu/consultations.csv", Sample("submissions", "seikatsu-jiritsu", "新規相談受付件数_区別月別.csv"), UploadStatus.Accepted);
        _now = _now.AddDays(1);
        Assert.Equal([(Kumamoto, PlanReason.Upload), (Tamana, PlanReason.Upload)], await NightAsync());
    }

    [Fact]
    public async Task A_redelivered_duplicated_or_stale_message_changes_nothing_and_a_poison_message_is_noted()
    {
        await IngestAsync("shakyo/R5.xlsx", Sample("submissions", "shakyo", "R5_成果指標実績_社協.xlsx"), UploadStatus.Accepted);
        using var pipeline = Incremental();
        var messages = await Nightly.DispatchAsync(pipeline);
        Assert.Equal(2, messages.Length);
        await Task.WhenAll(messages.Concat(messages).Select(m => Nightly.DeliverAsync(pipeline, m))); // each delivered twice, at once
        var published = await BlobVersionsAsync(_data);
        var records = await pipeline.Get<IPublicationRecords>().AllAsync(CancellationToken.None);

        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var message in messages.Append(new PlanMessage(Kumamoto, PlanReason.Forced, _now.AddMinutes(-1), Force: true).ToJson()))
        {
            await Nightly.DeliverAsync(pipeline, message); // redelivered later, and a forced message already served
        }

        Assert.Equal(published, await BlobVersionsAsync(_data));
        Assert.Equal(records, await pipeline.Get<IPublicationRecords>().AllAsync(CancellationToken.None), new RecordComparer());
        Assert.Empty(await Nightly.DispatchAsync(pipeline));

        await new RecordPoisonPlan(pipeline.Get<PlanPoisonService>()).Run(messages[1], CancellationToken.None);
        var table = await pipeline.Storage.TableAsync(StorageNames.PlanPublicationsTable, CancellationToken.None);
        var noted = (await table.GetEntityAsync<TableEntity>("plans", Tamana)).Value;
        Assert.Contains("failed every delivery", noted.GetString("LastFailure"), StringComparison.Ordinal);
        Assert.Equal(records.Single(r => r.PlanId == Tamana).ContentHash, noted.GetString("ContentHash")); // the inputs stay
        await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => new RecordPoisonPlan(pipeline.Get<PlanPoisonService>()).Run("{}", CancellationToken.None));
    }

    /// <summary>Every blob of the deployment's open-data container and its ETag.</summary>
    private static async Task<Dictionary<string, string>> BlobVersionsAsync(string prefix)
    {
        var container = new BlobServiceClient(Azurite.Instance.ConnectionString).GetBlobContainerClient($"{prefix}-{StorageNames.OpenDataContainer}");
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync())
        {
            versions[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return versions;
    }

    /// <summary>
    /// Both containers hold the same blobs, byte for byte, once the container's own name (in the feed's
    /// attribution URL) is read as the other's; a workbook is compared part by part, uncompressed (the zip's
    /// entry times are the writer's clock, not the feed's). (The
    /// content hashes in the metadata differ for the same reason: the attribution is part of the content.)
    /// </summary>
    private async Task AssertSamePublicationAsync()
    {
        var service = new BlobServiceClient(Azurite.Instance.ConnectionString);
        var incremental = service.GetBlobContainerClient($"{_data}-{StorageNames.OpenDataContainer}");
        var full = service.GetBlobContainerClient($"{_full}-{StorageNames.OpenDataContainer}");
        var names = (await BlobVersionsAsync(_data)).Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, (await BlobVersionsAsync(_full)).Keys.Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var a = (await incremental.GetBlobClient(name).DownloadContentAsync()).Value;
            var b = (await full.GetBlobClient(name).DownloadContentAsync()).Value;
            Assert.Equal(a.Details.ContentType, b.Details.ContentType);
            Assert.True(Normalised(name, a.Content.ToArray(), incremental.Name).SequenceEqual(Normalised(name, b.Content.ToArray(), full.Name)), $"{name} differs");
        }
    }

    private static byte[] Normalised(string name, byte[] content, string container)
    {
        if (name.EndsWith(".xlsx", StringComparison.Ordinal) || name.EndsWith(".zip", StringComparison.Ordinal))
        {
            // A zip of published files (progress-all.zip) holds a workbook too: each entry is compared as its own file.
            using var zip = new ZipArchive(new MemoryStream(content));
            var parts = new MemoryStream();
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                parts.Write(Encoding.UTF8.GetBytes(entry.FullName));
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts.Write(Normalised(entry.FullName, copy.ToArray(), container));
            }

            return parts.ToArray();
        }

        return content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(container)) < 0 ? content
            : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace(container, "{container}", StringComparison.Ordinal));
    }

    /// <summary>Records compared by what they hold (the index entry's counts are a dictionary).</summary>
    private sealed class RecordComparer : IEqualityComparer<PublicationRecord>
    {
        public bool Equals(PublicationRecord? x, PublicationRecord? y) =>
            (x, y) is ({ } a, { } b) && a with { IndexEntry = b.IndexEntry } == b && a.IndexEntry.StatusCounts.SequenceEqual(b.IndexEntry.StatusCounts);

        public int GetHashCode(PublicationRecord obj) => obj.PlanId.GetHashCode(StringComparison.Ordinal);
    }
}
