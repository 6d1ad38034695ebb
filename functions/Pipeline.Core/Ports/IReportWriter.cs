using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Ports;

/// <summary>Writes the report blob of an upload.</summary>
public interface IReportWriter
{
    Task WriteAsync(string blobName, UploadReport report, CancellationToken cancellationToken);
}
