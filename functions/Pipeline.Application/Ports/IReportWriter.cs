using Pipeline.Application.Reports;

namespace Pipeline.Application.Ports;

/// <summary>Writes the report blob of an upload.</summary>
public interface IReportWriter
{
    Task WriteAsync(string blobName, UploadReport report, CancellationToken cancellationToken);
}
