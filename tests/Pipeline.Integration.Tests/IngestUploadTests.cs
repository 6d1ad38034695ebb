using System.Text;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Functions;
using Pipeline.Domain.Problems;

namespace Pipeline.Integration.Tests;

/// <summary>RULES.md §2 end to end on Azurite: blob in, tables and report out.</summary>
public sealed class IngestUploadTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private async Task<Dictionary<(string, int, string, int?), decimal>> CurrentValuesAsync() =>
        (await Uploads.CurrentObservationsAsync(_pipeline)).ToDictionary(o => (o.IndicatorId, o.FiscalYear.Value, o.AreaCode, o.Month), o => o.Value);

    [Fact]
    public async Task An_accepted_file_is_stored_under_its_policy_partition_with_a_report()
    {
        var report = await Uploads.IngestAsync(_pipeline, "shakyo/r3.csv",
            Uploads.Csv("指標ID,年度,実績値\nI-1-K2,令和3年度,180\nI-2-K1,R3,35\nII-2-K1,2021,38\n"));
        Assert.Equal(UploadStatus.Accepted, report.Status);
        Assert.Equal((3, 3, 0), (report.Counts.RowsRead, report.Counts.Observations, report.Counts.Errors));
        Assert.Equal("shakyo", report.DepartmentId);
        Assert.Matches("^[0-9a-f]{64}$", report.Sha256!.Value.Value);

        var rows = await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable);
        Assert.Equal(3, rows.Count);
        var row = rows.Single(r => r.GetString("IndicatorId") == "II-2-K1");
        Assert.Equal("kumamoto-welfare-4~II-2", row.PartitionKey);
        Assert.StartsWith("II-2-K1~2021~431001~00~", row.RowKey, StringComparison.Ordinal);
        Assert.Equal("38", row.GetString("Value"));
        Assert.Equal(report.UploadId!.Value.Value, row.GetString("UploadId"));

        var uploads = await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable);
        var upload = uploads.Single(u => u.GetString("Kind") == "upload");
        Assert.Equal(("Accepted", "shakyo/r3.csv", report.Sha256.Value.Value, 3), (upload.GetString("Status"), upload.GetString("BlobName"), upload.GetString("Sha256"), upload.GetInt32("Observations")));
        Assert.NotNull(upload.GetDateTimeOffset("ReceivedAt"));
        Assert.Equal(("r3.csv", report.UploadId!.Value.Value), (upload.GetString("FileName"), upload.RowKey));
        Assert.Equal(report.UploadId.Value.Value, uploads.Single(u => u.RowKey == "accepted~latest").GetString("UploadId")); // the commit's marker
    }

    [Fact]
    public async Task A_file_with_one_error_stores_nothing_and_reports_every_problem()
    {
        var report = await Uploads.IngestAsync(_pipeline, "shakyo/bad.csv",
            Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\nI-1-K2,2022,abc\nIII-1-K1,2022,5\n"));
        Assert.Equal(UploadStatus.Rejected, report.Status);
        Assert.Equal([ProblemCode.ValueNotNumeric, ProblemCode.NotOwner], report.Problems.Select(p => p.Code));
        Assert.Equal(("bad", 3, "C"), (report.Problems[0].Sheet, report.Problems[0].Row, report.Problems[0].Column));
        Assert.Contains("数値", report.Problems[0].Message.Ja, StringComparison.Ordinal);
        Assert.Contains("not a number", report.Problems[0].Message.En, StringComparison.Ordinal);
        Assert.Empty(await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable));
        Assert.Empty(await CurrentValuesAsync());
    }

    [Fact]
    public async Task A_large_file_with_an_error_at_the_end_is_rejected_and_its_staged_rows_stay_invisible()
    {
        // 2,500 valid rows are staged in batches while the file is read; the error in the last row rejects it all.
        var rows = new System.Text.StringBuilder("指標ID,年度,区,月,実績値\n");
        var count = 0;
        foreach (var indicator in new[] { "I-1-K2", "I-2-K1", "II-2-K1", "III-3-K1" })
        {
            foreach (var fy in new[] { 2019, 2020, 2021, 2022, 2023, 2024 })
            {
                foreach (var ward in new[] { "中央区", "東区", "西区", "南区", "北区", "" })
                {
                    for (var month = 1; month <= 12 && count < 1500; month++, count++)
                    {
                        rows.Append($"{indicator},{fy},{ward},{month},{month}\n");
                    }
                }
            }
        }

        rows.Append("I-1-K2,2023,中央区,13,1\n");
        var report = await Uploads.IngestAsync(_pipeline, "shakyo/big.csv", Uploads.Csv(rows.ToString()));
        Assert.Equal(UploadStatus.Rejected, report.Status);
        Assert.Equal(ProblemCode.MonthUnrecognised, Assert.Single(report.Problems).Code);
        Assert.Equal(1000, (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable)).Count); // one batch staged …
        Assert.Empty(await CurrentValuesAsync()); // … and never visible
        await _pipeline.Get<Pipeline.Application.Publication.NightlyAggregationService>().RunAsync(CancellationToken.None);
        var feed = await _pipeline.Get<IFeedStore>().ReadAsync(PlanId.Parse("kumamoto-welfare-4"), CancellationToken.None);
        Assert.All(Pipeline.Publishing.FeedFiles.ReadJson(feed!.Json).Indicators, i => Assert.Empty(i.Actuals));
    }

    [Fact]
    public async Task Identical_content_right_after_is_a_duplicate_and_changes_nothing()
    {
        var content = Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n");
        var first = await Uploads.IngestAsync(_pipeline, "shakyo/a.csv", content);
        var again = await Uploads.IngestAsync(_pipeline, "shakyo/a-again.csv", content);
        Assert.Equal(UploadStatus.Accepted, first.Status);
        Assert.Equal(UploadStatus.Duplicate, again.Status);
        Assert.Equal(first.UploadId, again.DuplicateOf);
        Assert.Contains(first.UploadId!.Value.Value, again.Notice!.En, StringComparison.Ordinal);
        var current = Assert.Single(await Uploads.CurrentObservationsAsync(_pipeline));
        Assert.Equal((180m, first.UploadId.Value), (current.Value, current.UploadId)); // the duplicate changes nothing, not even the source
    }

    [Fact]
    public async Task A_later_upload_supersedes_even_when_it_is_processed_first_and_history_is_kept()
    {
        var older = await Uploads.PutAsync(_pipeline, "shakyo/old.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,150\nI-1-K2,2022,250\n"));
        await Task.Delay(1100); // last-modified times have one-second resolution without blob versioning (Azurite)
        var newer = await Uploads.PutAsync(_pipeline, "shakyo/new.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        Assert.True((await newer.GetPropertiesAsync()).Value.LastModified > (await older.GetPropertiesAsync()).Value.LastModified);

        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, newer)).Status);
        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, older)).Status);

        var values = await CurrentValuesAsync();
        Assert.Equal(180m, values[("I-1-K2", 2021, "431001", null)]);
        Assert.Equal(250m, values[("I-1-K2", 2022, "431001", null)]);
        var history = (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable))
            .Where(r => r.GetString("IndicatorId") == "I-1-K2" && r.GetInt32("FiscalYear") == 2021).Select(r => r.GetString("Value")).Order();
        Assert.Equal(["150", "180"], history);
    }

    [Fact]
    public async Task Redelivery_of_the_same_blob_changes_nothing()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/once.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        var first = await Uploads.DeliverAsync(_pipeline, blob);
        var second = await Uploads.DeliverAsync(_pipeline, blob);
        Assert.Equal((UploadStatus.Accepted, UploadStatus.Accepted), (first.Status, second.Status));
        Assert.Equal(first.UploadId, second.UploadId);
        Assert.Single(await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable));
        Assert.Single(await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable), u => u.GetString("Kind") == "upload");
    }

    [Fact]
    public async Task A_department_writes_only_what_it_owns_and_an_unknown_department_is_rejected()
    {
        var other = await Uploads.IngestAsync(_pipeline, "jutaku-seisaku/x.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        Assert.Equal(UploadStatus.Rejected, other.Status);
        Assert.Equal(ProblemCode.NotOwner, Assert.Single(other.Problems).Code);

        var unknown = await Uploads.IngestAsync(_pipeline, "somebody/x.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        Assert.Equal(UploadStatus.Rejected, unknown.Status);
        Assert.Equal(ProblemCode.DepartmentUnknown, Assert.Single(unknown.Problems).Code);
        Assert.Empty(await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable));
    }

    [Fact]
    public async Task A_run_that_dies_after_staging_leaves_nothing_visible_and_a_retry_commits()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/crash.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\nI-2-K1,2021,35\n"));
        var dying = new IngestionService(_pipeline.Get<Plan>(), Spreadsheets.Reading.ReadLimits.Default,
            new DyingLedger(_pipeline.Get<IUploadLedger>()), _pipeline.Get<IObservationStore>(),
            _pipeline.Get<ICommentaryStore>(), _pipeline.Get<IReviewLedger>(), _pipeline.Get<IFiscalYearConfirmations>(),
            _pipeline.Get<IUploadReports>(),
            _pipeline.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<IngestionService>.Instance);
        var router = new UploadRouter(_pipeline.Get<PlanSet>(), _ => dying, _pipeline.Get<IUploadReports>(), _pipeline.Clock);
        await Assert.ThrowsAsync<IOException>(() => new IngestUpload(new UploadIngestion(_pipeline.Get<IUploadSource>(), router)).Run(blob, CancellationToken.None));

        Assert.Equal(2, (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable)).Count);
        Assert.Empty(await CurrentValuesAsync());

        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, blob)).Status);
        Assert.Equal(2, (await CurrentValuesAsync()).Count);
        Assert.Equal(2, (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable)).Count);
    }

    [Fact]
    public async Task Initiative_evaluations_are_stored_under_their_measure()
    {
        var report = await Uploads.IngestAsync(_pipeline, "shakyo/eval.csv", Uploads.Csv("取組ID,年度,評価\nI-1-2-b,2021,A\nIII-3-3-a,2022,C\n"));
        Assert.Equal((UploadStatus.Accepted, 2), (report.Status, report.Counts.Evaluations));
        var rows = await Uploads.RowsAsync(_pipeline, StorageNames.EvaluationsTable);
        Assert.Equal(["kumamoto-welfare-4~I-1-2", "kumamoto-welfare-4~III-3-3"], rows.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_sample_submission_is_accepted_through_the_blob_trigger()
    {
        var root = Path.Combine(RepositoryRoot.Find(), "samples", "submissions");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var report = await Uploads.IngestAsync(_pipeline, name, await File.ReadAllBytesAsync(file));
            Assert.True(report.Status == UploadStatus.Accepted, $"{name}: {string.Join("; ", report.Problems.Select(p => p.Message.En))}");
        }

        Assert.Equal(5, (await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable)).Count(u => u.GetString("Status") == "Accepted"));
    }

    [Fact]
    public async Task A_poison_message_records_the_upload_as_failed_with_a_report()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/poison.xlsx", [1, 2, 3]);
        await Uploads.PoisonAsync(_pipeline, blob);
        var report = await Uploads.ReportAsync(_pipeline, "shakyo/poison.xlsx");
        Assert.Equal(UploadStatus.Failed, report.Status);
        Assert.Equal(ProblemCode.ProcessingFailed, Assert.Single(report.Problems).Code);
        Assert.Contains("replay", report.Problems[0].Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shakyo/../kenko-fukushi-seisaku/x.csv")]
    [InlineData("shakyo/x\u0007.csv")]
    [InlineData("x.csv")]
    public async Task A_path_with_traversal_or_control_characters_is_rejected_and_reported_under_invalid(string blobName)
    {
        var content = Uploads.Csv("指標ID,年度,実績値\nI-1-K1,2021,50\n");
        var result = await _pipeline.Get<IngestionService>().IngestAsync(UploadedFiles.At(_pipeline, blobName, content), CancellationToken.None);
        Assert.Equal(UploadStatus.Rejected, result.Record.Status);
        Assert.Equal(ProblemCode.DepartmentUnknown, Assert.Single(result.Report.Problems).Code);
        var reports = await _pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        var names = new List<string>();
        await foreach (var blob in reports.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(ReportNames.Invalid(result.Record.UploadId), Assert.Single(names));
        Assert.Empty(await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable));
    }

    /// <summary>A ledger whose commit never happens: the process dies between staging and commit.</summary>
    private sealed class DyingLedger(IUploadLedger inner) : IUploadLedger
    {
        public Task<UploadRecord?> FindAsync(PlanId p, DepartmentId d, UploadId u, CancellationToken c) =>
            inner.FindAsync(p, d, u, c);
        public Task RecordAsync(UploadRecord r, CancellationToken c) => inner.RecordAsync(r, c);
        public Task<UploadRecord> CommitAsync(UploadRecord r, CancellationToken c) => throw new IOException("the worker died");
        public IAsyncEnumerable<UploadRecord> CommittedAsync(PlanId p, CancellationToken c) => inner.CommittedAsync(p, c);
    }
}
