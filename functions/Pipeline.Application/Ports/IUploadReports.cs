using Pipeline.Application.Reports;

namespace Pipeline.Application.Ports;

/// <summary>
/// The upload reports in container <c>upload-reports</c>, by report name (<see cref="ReportNames"/>).
/// </summary>
public interface IUploadReports
{
    /// <summary>Writes (or writes again) the report at <paramref name="reportName"/>.</summary>
    Task WriteAsync(string reportName, UploadReport report, CancellationToken cancellationToken);

    /// <summary>The report at <paramref name="reportName"/>, or null where there is none (yet).</summary>
    Task<UploadReport?> ReadAsync(string reportName, CancellationToken cancellationToken);
}
