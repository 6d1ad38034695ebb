using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Problems;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defect 7: staged rows of uploads rejected, failed or found a duplicate at the commit more than a day ago are deleted by the
/// nightly run, a bounded number of uploads a run; the ledger keeps its record of each.
/// </summary>
public sealed class StagedRowSweeperTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance, settings: new Dictionary<string, string?> { ["Pipeline:SweepUploadsPerRun"] = "1" });

    public void Dispose() => _pipeline.Dispose();

    /// <summary>Stages 250 observations and 3 evaluations under an upload, as ingestion does before it commits or rejects.</summary>
    /// <remarks>
    /// Accepted ones are committed (as accepted, or as a duplicate where <paramref name="content"/> repeats the upload
    /// before); the others recorded, a duplicate as an earlier version recorded one (no version, never committed).
    /// </remarks>
    private async Task<UploadRecord> StageAsync(string id, UploadStatus status, TimeSpan age, string? content = null)
    {
        var plan = _pipeline.Get<Plan>();
        var committed = status == UploadStatus.Accepted;
        var record = new UploadRecord(plan.Id, UploadDepartment.Named("shakyo"), UploadId.Parse(id), $"shakyo/{id}.csv", Sha256.Of(System.Text.Encoding.UTF8.GetBytes(content ?? id)),
            _pipeline.Clock.GetUtcNow() - age, _pipeline.Clock.GetUtcNow() - age, status, 250, 3, committed ? 0 : 1, 0,
            Reason: committed ? null : "value_not_numeric", Version: committed ? "\"0x1\"" : null);
        var at = new SourceLocation(id, 2, 3);
        var observations = Enumerable.Range(0, 250).Select(i => new Observation(
            plan.Indicators[i % 5].Id.Value, new FiscalYear(2021 + (i / 5 % 5)), "431001", i / 25 % 10 + 1, i, null, null, null, at)).ToList();
        var evaluations = plan.Initiatives.Take(3).Select(i => new Evaluation(i.Id.Value, new FiscalYear(2023), Rating.A, null, at)).ToList();
        await _pipeline.Get<IObservationStore>().StageAsync(plan, record, observations, evaluations, CancellationToken.None);
        if (committed)
        {
            return await _pipeline.Get<IUploadLedger>().CommitAsync(record, CancellationToken.None);
        }

        await _pipeline.Get<IUploadLedger>().RecordAsync(record, CancellationToken.None);
        return record;
    }

    private async Task<Dictionary<string, int>> RowsPerUploadAsync() =>
        (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable)).Concat(await Uploads.RowsAsync(_pipeline, StorageNames.EvaluationsTable))
            .GroupBy(r => r.GetString("UploadId")).ToDictionary(g => g.Key, g => g.Count());

    private Task NightlyRunAsync() => Nightly.RunAsync(_pipeline);

    [Fact]
    public async Task Staged_rows_of_rejected_failed_or_duplicate_uploads_older_than_a_day_are_swept_bounded_per_run_and_the_ledger_keeps_them()
    {
        await StageAsync("old-rejected", UploadStatus.Rejected, TimeSpan.FromDays(2));
        await StageAsync("old-failed", UploadStatus.Failed, TimeSpan.FromHours(25));
        await StageAsync("new-rejected", UploadStatus.Rejected, TimeSpan.FromHours(23));
        await StageAsync("old-accepted", UploadStatus.Accepted, TimeSpan.FromDays(3));
        await StageAsync("old-duplicate", UploadStatus.Duplicate, TimeSpan.FromHours(30)); // lost the commit to the same content, before issue 22
        // The same content right after old-accepted: committed as its duplicate, with its rows, which stay (RULES.md §2).
        var repeat = await StageAsync("committed-duplicate", UploadStatus.Accepted, TimeSpan.FromHours(48), content: "old-accepted");
        Assert.Equal((UploadStatus.Duplicate, "old-accepted"), (repeat.Status, repeat.DuplicateOf?.Value));
        Assert.Equal(6, (await RowsPerUploadAsync()).Count);
        Assert.All((await RowsPerUploadAsync()).Values, count => Assert.Equal(253, count));

        await NightlyRunAsync(); // one upload a run (Pipeline:SweepUploadsPerRun = 1)
        Assert.Equal(5, (await RowsPerUploadAsync()).Count);
        await NightlyRunAsync();
        Assert.Equal(4, (await RowsPerUploadAsync()).Count);
        await NightlyRunAsync();
        Assert.Equal(["committed-duplicate", "new-rejected", "old-accepted"], (await RowsPerUploadAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.All((await RowsPerUploadAsync()).Values, count => Assert.Equal(253, count));
        await NightlyRunAsync(); // nothing left that is due
        Assert.Equal(3, (await RowsPerUploadAsync()).Count);

        var ledger = (await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable)).Where(r => r.GetString("Kind") == "upload").ToDictionary(r => r.RowKey);
        Assert.Equal(("Rejected", 250, "value_not_numeric"), (ledger["old-rejected"].GetString("Status"), ledger["old-rejected"].GetInt32("Observations"), ledger["old-rejected"].GetString("Reason")));
        Assert.Equal("Failed", ledger["old-failed"].GetString("Status"));
        Assert.Equal("Duplicate", ledger["old-duplicate"].GetString("Status"));
        Assert.NotNull(ledger["old-duplicate"].GetDateTimeOffset("StagedRowsSweptOn"));
        Assert.NotNull(ledger["old-failed"].GetDateTimeOffset("StagedRowsSweptOn"));
        Assert.Null(ledger["new-rejected"].GetDateTimeOffset("StagedRowsSweptOn"));
        Assert.Null(ledger["committed-duplicate"].GetDateTimeOffset("StagedRowsSweptOn"));
        // The nightly run now reads the 750 rows left, not 1,500; the one accepted upload (and its duplicate) is what it publishes.
        var run = (await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None)).For("kumamoto-welfare-4");
        Assert.Equal((750, 1), (run.Observations, run.AcceptedUploads));
    }
}
