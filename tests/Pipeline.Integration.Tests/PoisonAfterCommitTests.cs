using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Reports;
using Pipeline.Domain.Uploads;
using Pipeline.Domain.Problems;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Issue 15, defect 1: a poison message that comes after the commit (the commit landed, a later step
/// failed five times) must never downgrade the accepted or duplicate upload, nor its report.
/// </summary>
public sealed class PoisonAfterCommitTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private Task PoisonAsync(Azure.Storage.Blobs.BlobClient blob) => Uploads.PoisonAsync(_pipeline, blob);

    private async Task<List<(string Status, string Id)>> LedgerAsync() =>
        (await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable)).Where(r => r.GetString("Kind") == "upload")
            .Select(r => (r.GetString("Status"), r.RowKey)).ToList();

    private async Task<byte[]> ReportBytesAsync(Azure.Storage.Blobs.BlobClient blob)
    {
        var reports = await _pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        var (_, name) = await Uploads.IdentityAsync(_pipeline, blob);
        return (await reports.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
    }

    [Fact]
    public async Task A_late_poison_message_after_the_commit_never_downgrades_the_accepted_upload()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/late.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        var accepted = await Uploads.DeliverAsync(_pipeline, blob);
        Assert.Equal(UploadStatus.Accepted, accepted.Status);
        var reportBefore = await ReportBytesAsync(blob);

        await PoisonAsync(blob);

        Assert.Equal([("Accepted", accepted.UploadId!.Value.Value)], await LedgerAsync());
        Assert.Equal(reportBefore, await ReportBytesAsync(blob));
        Assert.Equal(180m, Assert.Single(await Uploads.CurrentObservationsAsync(_pipeline)).Value);
    }

    [Fact]
    public async Task A_late_poison_message_after_a_duplicate_keeps_it_a_duplicate()
    {
        var content = Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n");
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, "shakyo/first.csv", content)).Status);
        var second = await Uploads.PutAsync(_pipeline, "shakyo/second.csv", content);
        var duplicate = await Uploads.DeliverAsync(_pipeline, second);
        Assert.Equal(UploadStatus.Duplicate, duplicate.Status);

        await PoisonAsync(second);

        Assert.Contains(("Duplicate", duplicate.UploadId!.Value.Value), await LedgerAsync());
        Assert.Equal(2, (await LedgerAsync()).Count);
        Assert.Equal(UploadStatus.Duplicate, (await Uploads.ReportAsync(_pipeline, second.Name)).Status);
    }

    [Fact]
    public async Task A_poison_message_then_a_replay_ends_accepted_under_one_ledger_row()
    {
        var blob = await Uploads.PutAsync(_pipeline, "shakyo/replayed.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K2,2021,180\n"));
        await PoisonAsync(blob);
        var failed = await Uploads.ReportAsync(_pipeline, blob.Name);
        Assert.Equal(UploadStatus.Failed, failed.Status);
        Assert.Equal(ProblemCode.ProcessingFailed, Assert.Single(failed.Problems).Code);
        Assert.Empty(await Uploads.CurrentObservationsAsync(_pipeline));

        var replayed = await Uploads.DeliverAsync(_pipeline, blob); // what `pipeline replay shakyo/replayed.csv` runs
        Assert.Equal(UploadStatus.Accepted, replayed.Status);
        Assert.Equal(failed.UploadId, replayed.UploadId);
        Assert.Equal([("Accepted", replayed.UploadId!.Value.Value)], await LedgerAsync());
        Assert.Equal(180m, Assert.Single(await Uploads.CurrentObservationsAsync(_pipeline)).Value);
    }
}
