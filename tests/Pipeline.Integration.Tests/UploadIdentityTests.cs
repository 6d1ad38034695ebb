using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 22 on Azurite: uploads stored as the portal and <c>pipeline ingest</c> store them (a folder each, never an
/// overwrite) keep the order they were received in, to the 100 ns, even within one second; a duplicate is what
/// repeats the upload just before it; every upload has its own report; data stored before issue 22 keeps working.
/// </summary>
public sealed class UploadIdentityTests : IDisposable
{
    private const string Department = "shakyo";

    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private string PlanId => _pipeline.Get<Plan>().Id.Value;

    private Domain.Catalogue.PlanId PlanKey => Domain.Catalogue.PlanId.Parse(PlanId);

    private static DepartmentId DepartmentKey => DepartmentId.Parse(Department);

    private static byte[] Csv(params (string Indicator, int FiscalYear, int Value)[] rows) =>
        Uploads.Csv("指標ID,年度,実績値\n" + string.Concat(rows.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Indicator},{r.FiscalYear},{r.Value}") + "\n")));

    /// <summary>Stores a file as the portal does (a folder of its own, received now by the server's clock).</summary>
    private Task<BlobClient> StoreAsync(string fileName, byte[] content) =>
        Uploads.StoreAsync(_pipeline, $"{PlanId}/{Department}/{fileName}", content, "試験 太郎 <t>");

    private async Task<Dictionary<(string, int), decimal>> ValuesAsync() =>
        (await Uploads.CurrentObservationsAsync(_pipeline))
            .ToDictionary(o => (o.IndicatorId, o.FiscalYear.Value), o => o.Value);

    [Fact]
    public async Task Same_name_corrections_stored_within_one_second_win_whatever_order_they_are_processed_in()
    {
        var keys = new[] { "I-1-K2", "I-2-K1", "II-2-K1", "III-3-K1" }
            .SelectMany(i => Enumerable.Range(2020, 5).Select(fy => (i, fy))).ToArray();
        var pairs = new List<(BlobClient First, BlobClient Corrected)>();
        for (var round = 0; round < keys.Length; round++)
        {
            // The same file name at once: storage gives both the same second; the server's receipt orders them.
            var first = await StoreAsync("実績.xlsx.csv", Csv((keys[round].i, keys[round].fy, 100 + round)));
            var corrected = await StoreAsync("実績.xlsx.csv", Csv((keys[round].i, keys[round].fy, 500 + round)));
            Assert.NotEqual(first.Name, corrected.Name);
            pairs.Add((first, corrected));
        }

        for (var round = 0; round < keys.Length; round++)
        {
            // Every other round the correction is processed first.
            var (a, b) = round % 2 == 0
                ? (pairs[round].First, pairs[round].Corrected)
                : (pairs[round].Corrected, pairs[round].First);
            Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, a)).Status);
            Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, b)).Status);
        }

        var values = await ValuesAsync();
        Assert.All(Enumerable.Range(0, keys.Length),
            round => Assert.Equal(500 + round, values[(keys[round].i, keys[round].fy)]));
    }

    [Fact]
    public async Task The_same_file_twice_in_a_row_is_a_duplicate_and_the_history_gives_each_upload_its_own_report()
    {
        var content = Csv(("I-1-K2", 2021, 180));
        var first = await Uploads.DeliverAsync(_pipeline, await StoreAsync("実績.csv", content));
        var second = await Uploads.DeliverAsync(_pipeline, await StoreAsync("実績.csv", content));
        var broken = Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,たくさん\n");
        var bad = await Uploads.DeliverAsync(_pipeline, await StoreAsync("実績.csv", broken));
        var corrected = await Uploads.DeliverAsync(_pipeline, await StoreAsync("実績.csv", Csv(("I-1-K2", 2021, 185))));

        Assert.Equal([UploadStatus.Accepted, UploadStatus.Duplicate, UploadStatus.Rejected, UploadStatus.Accepted],
            new[] { first.Status, second.Status, bad.Status, corrected.Status });
        Assert.Equal(first.UploadId, second.DuplicateOf);
        var ledger = _pipeline.Get<IUploadLedger>();
        var record = await ledger.FindAsync(PlanKey, DepartmentKey, second.UploadId!.Value, CancellationToken.None);
        Assert.Equal(("実績.csv", "試験 太郎 <t>"), (second.FileName, record!.UploadedBy));
        Assert.Contains("received last wins", first.Notice!.En, StringComparison.Ordinal);
        Assert.Equal(185m, (await ValuesAsync())[("I-1-K2", 2021)]);

        // The history, the last received first, each row with its own report: four uploads of one file name.
        var history = await _pipeline.Get<IUploadHistory>().RecentAsync(PlanKey, DepartmentKey, 10, CancellationToken.None);
        Assert.Equal([corrected.UploadId, bad.UploadId, second.UploadId, first.UploadId],
            history.Select(r => (UploadId?)r.UploadId));
        foreach (var row in history)
        {
            var lookup = _pipeline.Get<UploadReportLookup>();
            var report = await lookup.FindAsync(PlanKey, DepartmentKey, row.UploadId, CancellationToken.None);
            Assert.Equal((row.UploadId, row.Status, "実績.csv"),
                (report!.UploadId!.Value, report.Status, report.FileName));
        }

        var names = new List<string>();
        var reports = await _pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        await foreach (var blob in reports.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(history.Select(r => ReportNames.Of(PlanId, Department, r.UploadId)).Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_repeat_processed_before_an_upload_received_earlier_still_wins_in_the_end()
    {
        byte[] a = Csv(("I-1-K2", 2021, 180)), b = Csv(("I-1-K2", 2021, 200));
        var first = await StoreAsync("a.csv", a);
        var between = await StoreAsync("b.csv", b);
        var again = await StoreAsync("a.csv", a);

        // b.csv is processed last (its first deliveries failed): a.csv again looked like a repeat of a.csv.
        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, first)).Status);
        var repeat = await Uploads.DeliverAsync(_pipeline, again);
        Assert.Equal(UploadStatus.Duplicate, repeat.Status);
        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, between)).Status);

        // Received last, its value stands: its rows were committed with it and differ from what stands before.
        var current = Assert.Single(await Uploads.CurrentObservationsAsync(_pipeline));
        Assert.Equal((180m, repeat.UploadId), (current.Value, current.UploadId));
        var run = await Nightly.RunAsync(_pipeline);
        Assert.NotEmpty(run);
        var published = await _pipeline.Get<IFeedStore>().ReadAsync(_pipeline.Get<Plan>().Id, CancellationToken.None);
        var feed = Pipeline.Publishing.FeedFiles.ReadJson(published!.Json);
        var revisions = feed.Indicators.Single(i => i.Id == "I-1-K2").Actuals
            .Single(x => x.FiscalYear == 2021).Revisions!;
        Assert.Equal([(180m, 200m), (200m, 180m)], revisions.Select(r => (r.PreviousValue, r.Value)));
        Assert.Equal(repeat.UploadId!.Value.Value, revisions[^1].UploadId);
    }

    [Fact]
    public async Task Stored_data_of_earlier_versions_keeps_working_without_a_migration()
    {
        // What the version before issue 22 stored for two uploads of shakyo/old.csv (the second written over the
        // first): ledger rows with the blob's creation time, content markers, rows with BlobCreatedOn, one report by
        // file name.
        var created = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var (olderId, newerId) = ("20250601T0000000000000Z-aaaaaaaaaaaa", "20250601T0000000000000Z-bbbbbbbbbbbb");
        var partition = $"{PlanId}~{Department}";
        var uploads = await _pipeline.Storage.TableAsync(StorageNames.UploadsTable, CancellationToken.None);
        var legacy = new[]
        {
            (olderId, new string('1', 64), 150),
            (newerId, Sha256.Of(Csv(("I-1-K2", 2021, 160))).Value, 160),
        };
        var observations = await _pipeline.Storage.TableAsync(StorageNames.ObservationsTable, CancellationToken.None);
        foreach (var (id, sha, observed) in legacy)
        {
            await uploads.AddEntityAsync(new TableEntity(partition, id)
            {
                ["Kind"] = "upload", ["PlanId"] = PlanId, ["DepartmentId"] = Department,
                ["BlobName"] = "shakyo/old.csv", ["Sha256"] = sha, ["BlobCreatedOn"] = created, ["ProcessedOn"] = created,
                ["Status"] = "Accepted",
                ["Observations"] = 1, ["Evaluations"] = 0, ["Errors"] = 0, ["Warnings"] = 0,
            });
            await uploads.AddEntityAsync(new TableEntity(partition, "content~" + sha)
            {
                ["Kind"] = "content", ["UploadId"] = id,
            });
            await observations.AddEntityAsync(new TableEntity($"{PlanId}~I-1", $"I-1-K2~2021~431001~00~{id}")
            {
                ["IndicatorId"] = "I-1-K2", ["FiscalYear"] = 2021, ["AreaCode"] = "431001",
                ["Value"] = observed.ToString(CultureInfo.InvariantCulture), ["UploadId"] = id,
                ["DepartmentId"] = Department, ["BlobCreatedOn"] = created,
            });
        }

        await uploads.UpsertEntityAsync(new TableEntity(partition, "accepted~latest")
        {
            ["Kind"] = "accepted", ["UploadId"] = newerId, ["CommittedOn"] = created,
        });
        var reports = await _pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        await reports.GetBlobClient("shakyo/old.csv.report.json").UploadAsync(BinaryData.FromString($$"""
            {"schemaVersion":"1.0","planId":"{{PlanId}}","departmentId":"shakyo","blobName":"shakyo/old.csv",
             "uploadId":"{{newerId}}","sha256":"{{new string('2', 64)}}","blobCreatedOn":"2025-06-01T00:00:00+00:00",
             "processedOn":"2025-06-01T00:00:00+00:00","status":"accepted","counts":{"rowsRead":1,"rowsSkipped":0,
             "observations":1,"evaluations":0,"errors":0,"warnings":0},"duplicateOf":null,"problems":[]}
            """));

        // The creation time ties; the id decides, as it did: the value stands as it was published.
        Assert.Equal(160m, (await ValuesAsync())[("I-1-K2", 2021)]);
        var lookup = _pipeline.Get<UploadReportLookup>();
        var newer = await lookup.FindAsync(PlanKey, DepartmentKey, UploadId.Parse(newerId), CancellationToken.None);
        Assert.Equal(("old.csv", UploadStatus.Accepted, (ReportMessage?)null),
            (newer!.FileName, newer.Status, newer.Notice));
        var older = await lookup.FindAsync(PlanKey, DepartmentKey, UploadId.Parse(olderId), CancellationToken.None);
        Assert.Equal((UploadStatus.Accepted, 1, ReportNotices.FromLedger),
            (older!.Status, older.Counts.Observations, older.Notice));

        // The same content as the department's latest upload of then: a duplicate of it; a correction wins.
        var repeat = await Uploads.DeliverAsync(_pipeline, await StoreAsync("old.csv", Csv(("I-1-K2", 2021, 160))));
        Assert.Equal((UploadStatus.Duplicate, UploadId.Parse(newerId)), (repeat.Status, repeat.DuplicateOf));
        var correction = await Uploads.DeliverAsync(_pipeline, await StoreAsync("old.csv", Csv(("I-1-K2", 2021, 165))));
        Assert.Equal(UploadStatus.Accepted, correction.Status);
        Assert.Equal(165m, (await ValuesAsync())[("I-1-K2", 2021)]);
        var history = await _pipeline.Get<IUploadHistory>().RecentAsync(PlanKey, DepartmentKey, 10, CancellationToken.None);
        Assert.Equal(4, history.Count);
        Assert.Equal([newerId, olderId], history.TakeLast(2).Select(r => r.UploadId.Value));
    }
}
