using Pipeline.Domain.Catalogue;
using Azure.Data.Tables;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// Where the ledger and the reports put an upload by the department its path names (RULES.md §2), the same since the
/// department is a type: a segment that is no department id under the segment as given; no department (a path that
/// is not valid) under <c>_invalid/</c>, its report saying <c>(none)</c>, and a ledger row of it under the key such
/// rows have always had.
/// </summary>
public sealed class UploadDepartmentStorageTests : IDisposable
{
    private const string Plan = "kumamoto-welfare-4";
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    [Theory]
    [InlineData("Shakyo 2/x.csv", "Shakyo 2")]
    [InlineData("SHAKYO/x.csv", "SHAKYO")]
    [InlineData("kumamoto-welfare-4/shakyo#1/x.csv", "shakyo#1")]
    public async Task A_segment_that_is_no_department_id_is_rejected_recorded_and_reported_under_it_as_given(
        string blobName, string segment)
    {
        var result = await IngestAsync(blobName);
        Assert.Equal(UploadStatus.Rejected, result.Record.Status);
        Assert.Equal(ProblemCode.DepartmentUnknown, Assert.Single(result.Report.Problems).Code);
        Assert.Equal(segment, result.Report.DepartmentId);

        var row = Assert.Single(await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable));
        Assert.Equal((TableKeys.UploadPartition(Plan, segment), segment, "Rejected"),
            (row.PartitionKey, row.GetString("DepartmentId"), row.GetString("Status")));
        Assert.Equal($"{Plan}/{segment}/{result.Record.UploadId.Value}.json", Assert.Single(await ReportNamesAsync()));
    }

    [Fact]
    public async Task A_path_without_a_department_is_reported_under_invalid_as_none_and_not_recorded()
    {
        var result = await IngestAsync("x.csv");
        Assert.Equal("(none)", result.Report.DepartmentId);
        Assert.Empty(await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable));
        Assert.Equal($"_invalid/{result.Record.UploadId.Value}.json", Assert.Single(await ReportNamesAsync()));
    }

    [Fact]
    public async Task A_ledger_row_without_a_department_is_read_as_none_and_written_under_the_key_it_had()
    {
        var table = await _pipeline.Storage.TableAsync(StorageNames.UploadsTable, CancellationToken.None);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // A row in the form stored before the absence of a department was a type.
        var old = new TableEntity($"{Plan}~(none)", "20260101T000000Z-0a1b2c")
        {
            ["Kind"] = "upload", ["PlanId"] = Plan, ["DepartmentId"] = "(none)", ["BlobName"] = "x.csv",
            ["ReceivedAt"] = at, ["ProcessedOn"] = at, ["Status"] = "Failed", ["Errors"] = 1, ["Reason"] = "first",
        };
        await table.AddEntityAsync(old);

        var read = await _pipeline.Get<IReviewLedger>().FindAsync(PlanId.Parse(Plan), UploadId.Parse(old.RowKey),
            CancellationToken.None) ?? throw new InvalidOperationException("The row was not read.");
        Assert.Equal(UploadDepartment.None, read.Department);
        Assert.Equal("_invalid/20260101T000000Z-0a1b2c.json", ReportNames.For(read));

        await table.DeleteEntityAsync(old.PartitionKey, old.RowKey);
        await _pipeline.Get<IUploadLedger>().RecordAsync(read with { Reason = "again" }, CancellationToken.None);
        var written = Assert.Single(await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable));
        Assert.Equal(($"{Plan}~(none)", old.RowKey, "(none)", "again"),
            (written.PartitionKey, written.RowKey, written.GetString("DepartmentId"), written.GetString("Reason")));
    }

    private async Task<IngestionResult> IngestAsync(string blobName) =>
        await _pipeline.Get<IngestionService>().IngestAsync(
            UploadedFiles.At(_pipeline, blobName, Uploads.Csv("指標ID,年度,実績値\nI-1-K1,2021,50\n")),
            CancellationToken.None);

    private async Task<List<string>> ReportNamesAsync()
    {
        var reports = await _pipeline.Storage.ContainerAsync(StorageNames.ReportsContainer, CancellationToken.None);
        var names = new List<string>();
        await foreach (var blob in reports.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
