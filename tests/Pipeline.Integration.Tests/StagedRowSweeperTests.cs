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
    private async Task<UploadRecord> StageAsync(string id, UploadStatus status, TimeSpan age)
    {
        var plan = _pipeline.Get<Plan>();
        var record = new UploadRecord(plan.Id, "shakyo", id, $"shakyo/{id}.csv", id.PadLeft(64, '0'), default, _pipeline.Clock.GetUtcNow() - age,
            status, 250, 3, status == UploadStatus.Accepted ? 0 : 1, 0, Reason: status == UploadStatus.Accepted ? null : "value_not_numeric");
        var at = new SourceLocation(id, 2, 3);
        var observations = Enumerable.Range(0, 250).Select(i => new Observation(
            plan.Indicators[i % 5].Id, new FiscalYear(2021 + (i / 5 % 5)), "431001", i / 25 % 10 + 1, i, null, null, null, at)).ToList();
        var evaluations = plan.Initiatives.Take(3).Select(i => new Evaluation(i.Id, new FiscalYear(2023), Rating.A, null, at)).ToList();
        await _pipeline.Get<IObservationStore>().StageAsync(plan, record, observations, evaluations, CancellationToken.None);
        if (status == UploadStatus.Accepted)
        {
            Assert.True(await _pipeline.Get<IUploadLedger>().CommitAsync(record, CancellationToken.None));
        }
        else
        {
            await _pipeline.Get<IUploadLedger>().RecordAsync(record, CancellationToken.None);
        }

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
        await StageAsync("old-duplicate", UploadStatus.Duplicate, TimeSpan.FromHours(30)); // lost the commit to the same content
        Assert.Equal(5, (await RowsPerUploadAsync()).Count);
        Assert.All((await RowsPerUploadAsync()).Values, count => Assert.Equal(253, count));

        await NightlyRunAsync(); // one upload a run (Pipeline:SweepUploadsPerRun = 1)
        Assert.Equal(4, (await RowsPerUploadAsync()).Count);
        await NightlyRunAsync();
        Assert.Equal(3, (await RowsPerUploadAsync()).Count);
        await NightlyRunAsync();
        Assert.Equal(["new-rejected", "old-accepted"], (await RowsPerUploadAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.All((await RowsPerUploadAsync()).Values, count => Assert.Equal(253, count));
        await NightlyRunAsync(); // nothing left that is due
        Assert.Equal(2, (await RowsPerUploadAsync()).Count);

        var ledger = (await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable)).Where(r => r.GetString("Kind") == "upload").ToDictionary(r => r.RowKey);
        Assert.Equal(("Rejected", 250, "value_not_numeric"), (ledger["old-rejected"].GetString("Status"), ledger["old-rejected"].GetInt32("Observations"), ledger["old-rejected"].GetString("Reason")));
        Assert.Equal("Failed", ledger["old-failed"].GetString("Status"));
        Assert.Equal("Duplicate", ledger["old-duplicate"].GetString("Status"));
        Assert.NotNull(ledger["old-duplicate"].GetDateTimeOffset("StagedRowsSweptOn"));
        Assert.NotNull(ledger["old-failed"].GetDateTimeOffset("StagedRowsSweptOn"));
        Assert.Null(ledger["new-rejected"].GetDateTimeOffset("StagedRowsSweptOn"));
        // The nightly run now reads the 500 rows left, not 1,000; the one accepted upload is what it publishes.
        var run = (await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None)).For("kumamoto-welfare-4");
        Assert.Equal((500, 1), (run.Observations, run.AcceptedUploads));
    }
}
