using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Application.Ports;
using Pipeline.Application.Reports;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The upload reports in container <c>upload-reports</c> (private), by report name (<see cref="ReportNames"/>).
/// </summary>
public sealed class BlobUploadReports(StorageAccount storage) : IUploadReports
{
    public async Task WriteAsync(string reportName, UploadReport report, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.ReportsContainer, cancellationToken);
        await container.GetBlobClient(reportName).UploadAsync(new BinaryData(report.ToJson()), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, cancellationToken);
    }

    public async Task<UploadReport?> ReadAsync(string reportName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.ReportsContainer, cancellationToken);
        try
        {
            var download = await container.GetBlobClient(reportName).DownloadContentAsync(cancellationToken);
            return UploadReport.FromJson(download.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
