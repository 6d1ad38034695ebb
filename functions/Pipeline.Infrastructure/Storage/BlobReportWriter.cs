using Azure.Storage.Blobs.Models;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>Writes upload reports to <c>upload-reports/{planId}/{departmentId}/{name}.report.json</c> (two-part uploads: <c>{departmentId}/{name}.report.json</c>).</summary>
public sealed class BlobReportWriter(StorageAccount storage) : IReportWriter
{
    public async Task WriteAsync(string blobName, UploadReport report, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.ReportsContainer, cancellationToken);
        var blob = container.GetBlobClient(UploadReport.BlobNameFor(blobName));
        await blob.UploadAsync(new BinaryData(report.ToJson()), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, cancellationToken);
    }
}
