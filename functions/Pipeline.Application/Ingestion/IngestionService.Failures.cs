using Microsoft.Extensions.Logging;
using Pipeline.Application.Reports;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Problems;

namespace Pipeline.Application.Ingestion;

/// <summary>
/// <see cref="IngestionService"/>'s own failures (told to the department as ours, never its file's) and what it
/// writes to the log.
/// </summary>
public sealed partial class IngestionService
{
    /// <summary>
    /// Runs a step whose failure is not a problem of the file (those are in the submission): our code or
    /// storage failed. The department is told so, never that its file is broken, and the exception is
    /// rethrown so that the platform delivers the upload again.
    /// </summary>
    private async Task<T> NotTheFileAsync<T>(UploadRecord record, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await ReportInternalErrorAsync(record, e, cancellationToken);
            throw;
        }
    }

    /// <summary>Writes the report of an upload our own code or storage failed on (not recorded in the ledger: the platform retries it).</summary>
    private async Task ReportInternalErrorAsync(UploadRecord record, Exception exception, CancellationToken cancellationToken)
    {
        LogInternalError(exception, record.BlobName, record.UploadId);
        var failed = record with { Status = UploadStatus.Failed, Errors = 1, Reason = ProblemCatalog.InternalError().Code };
        try
        {
            await reports.WriteAsync(record.BlobName, Report(failed, null, [ProblemCatalog.InternalError()]), cancellationToken);
        }
        catch (Exception reportFailure) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage is likely what failed: the first exception is the one rethrown; this one is logged.
            LogInternalErrorReportFailed(reportFailure, record.BlobName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Upload {BlobName} from {Department}: {Status}, {Observations} observations, {Evaluations} evaluations, {Errors} errors, {Warnings} warnings (upload {UploadId})")]
    private partial void LogIngested(string blobName, string department, UploadStatus status, int observations, int evaluations, int errors, int warnings, string uploadId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload {BlobName} (upload {UploadId}) failed in the pipeline, not because of its file; it will be delivered again")]
    private partial void LogInternalError(Exception exception, string blobName, string uploadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the internal_error report of {BlobName}")]
    private partial void LogInternalErrorReportFailed(Exception exception, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A poison message came for {BlobName}, which is {Status}: it stays so and its report is kept")]
    private partial void LogPoisonAfterCommit(string blobName, UploadStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {BlobName} was delivered again; it stays {Status}")]
    private partial void LogRedelivered(string blobName, UploadStatus status);
}
