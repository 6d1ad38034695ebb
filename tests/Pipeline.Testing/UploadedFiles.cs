using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;
using Pipeline.Domain.Uploads;

namespace Pipeline.Testing;

/// <summary>
/// Uploads handed straight to ingestion (no blob), as the ingestor would hand them over, and their reports.
/// </summary>
public static class UploadedFiles
{
    /// <summary>The file <paramref name="content"/> at <paramref name="blobName"/>, received now.</summary>
    public static UploadedFile At(TestPipeline pipeline, string blobName, byte[] content) =>
        new(pipeline.Get<UploadRouter>().PathOf(blobName), new ReceivedVersion("\"0x1\"", pipeline.Clock.GetUtcNow()),
            new MemoryStream(content));

    /// <summary>The report stored for an ingested upload (beside its record, or under _invalid/).</summary>
    public static async Task<UploadReport> StoredReportAsync(TestPipeline pipeline, IngestionResult result)
    {
        var name = ReportNames.For(result.Record);
        return await pipeline.Get<IUploadReports>().ReadAsync(name, CancellationToken.None)
            ?? throw new InvalidOperationException($"No report at upload-reports/{name}.");
    }
}
