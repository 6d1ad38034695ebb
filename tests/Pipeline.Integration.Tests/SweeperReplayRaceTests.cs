using Azure.Storage.Blobs;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Functions;
using Pipeline.Application.Ingestion;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15: an operator replays a failed upload while the nightly sweeper deletes that upload's staged
/// rows. The replay writes the same rows again (same upload id) and commits; the sweeper must delete only
/// what the failed attempt left, never a row the replay wrote, so the accepted upload keeps every value.
/// Each race is made to happen in one order (<see cref="FaultInjection.Interleave"/>).
/// </summary>
public sealed class SweeperReplayRaceTests : IDisposable
{
    private readonly FaultInjection _faults = new();
    private readonly TestPipeline _pipeline;

    public SweeperReplayRaceTests() => _pipeline = new TestPipeline(Azurite.Instance, _faults.AddTo);

    public void Dispose() => _pipeline.Dispose();

    private static readonly byte[] File = Uploads.Csv("指標ID,年度,区,実績値\nI-1-K2,2021,中央区,180\nI-1-K2,2021,東区,75\nI-1-K2,2022,,40\n");

    /// <summary>The sweeper looking for staged rows.</summary>
    private static bool IsObservationQuery(Azure.Core.Request request) => StorageRequests.IsQuery(request, StorageNames.ObservationsTable);

    /// <summary>
    /// An upload whose delivery staged its rows and then failed at the commit, five times, so that the host
    /// gave up (the poison message recorded it failed); then more than a day passes.
    /// </summary>
    private async Task<BlobClient> FailedUploadWithStagedRowsAsync()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/replayed.csv", File);
        var transactions = 0;
        // One partition (policy I-1): one staging transaction, then the commit.
        _faults.Interleave(r => StorageRequests.IsTransaction(r) && Interlocked.Increment(ref transactions) == 2, () => throw new Azure.RequestFailedException(503, "Injected: the commit was refused."));
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => new IngestUpload(_pipeline.Get<UploadIngestion>()).Run(blob, CancellationToken.None));
        await Uploads.PoisonAsync(_pipeline, blob);
        Assert.Equal(UploadStatus.Failed, (await Uploads.ReportAsync(_pipeline, blob.Name)).Status);
        Assert.Equal(3, (await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable)).Count); // staged, invisible
        Assert.Empty(await Uploads.CurrentObservationsAsync(_pipeline));
        _pipeline.Clock.Advance(StagedRowSweeper.MinimumAge + TimeSpan.FromHours(1));
        return blob;
    }

    private async Task<SweepRun> SweepWhileReplayingAsync(BlobClient blob, Func<Azure.Core.Request, bool> when)
    {
        UploadReport? replay = null;
        _faults.Interleave(when, async () => replay = await Uploads.DeliverAsync(_pipeline, blob));
        var sweep = await _pipeline.Get<StagedRowSweeper>().SweepAsync(CancellationToken.None);
        Assert.True(_faults.Interleaved, "the replay did not run inside the sweep");
        Assert.Equal(UploadStatus.Accepted, replay!.Status);
        return sweep;
    }

    private async Task AssertEveryValueVisibleAsync()
    {
        var visible = (await Uploads.CurrentObservationsAsync(_pipeline)).Select(o => $"{o.IndicatorId} {o.FiscalYear.Value} {o.AreaCode} {o.Value}").Order(StringComparer.Ordinal);
        Assert.Equal(["I-1-K2 2021 431010 180", "I-1-K2 2021 431028 75", "I-1-K2 2022 431001 40"], visible);
    }

    [Fact]
    public async Task A_replay_that_writes_its_rows_before_the_sweeper_looks_for_them_keeps_them()
    {
        var blob = await FailedUploadWithStagedRowsAsync();

        var sweep = await SweepWhileReplayingAsync(blob, IsObservationQuery);

        // The sweeper read the failed record before the replay; the rows it found were all written after that record.
        Assert.Equal(new SweepRun(1, 0), sweep);
        await AssertEveryValueVisibleAsync();
    }

    [Fact]
    public async Task A_replay_that_writes_its_rows_between_the_sweepers_read_and_its_delete_keeps_them()
    {
        var blob = await FailedUploadWithStagedRowsAsync();

        var sweep = await SweepWhileReplayingAsync(blob, StorageRequests.IsTransaction);

        // The sweeper found the failed attempt's three rows; each was written again before the delete: all kept.
        Assert.Equal(new SweepRun(1, 0), sweep);
        await AssertEveryValueVisibleAsync();
        var ledger = (await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable)).Single(r => r.GetString("Kind") == "upload");
        Assert.Equal("Accepted", ledger.GetString("Status"));
        Assert.Null(ledger.GetDateTimeOffset("StagedRowsSweptOn")); // the commit replaced the record the sweeper read: no mark
    }

    [Fact]
    public async Task Without_a_replay_the_failed_attempts_rows_are_swept()
    {
        var blob = await FailedUploadWithStagedRowsAsync();

        Assert.Equal(new SweepRun(1, 3), await _pipeline.Get<StagedRowSweeper>().SweepAsync(CancellationToken.None));

        Assert.Empty(await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable));
        Assert.Equal(UploadStatus.Failed, (await Uploads.ReportAsync(_pipeline, blob.Name)).Status);
        // A replay after the sweep writes everything again.
        Assert.Equal(UploadStatus.Accepted, (await Uploads.DeliverAsync(_pipeline, blob)).Status);
        await AssertEveryValueVisibleAsync();
    }
}
