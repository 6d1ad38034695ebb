using Pipeline.Application.Reports;
using Microsoft.Extensions.Logging;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Problems;

namespace Pipeline.Application.Ingestion;

/// <summary>Failures: of our own code or storage (reported, rethrown), and of every delivery (poison).</summary>
public sealed partial class IngestionService
{
    /// <summary>
    /// Records a blob version that failed every delivery (poison) so that its report says so. The upload is found by
    /// its path, version and content (<paramref name="sha256"/>, null when the blob is gone or was overwritten since),
    /// as <see cref="IngestAsync"/> derives its id: an upload already committed (the commit landed, a later step
    /// failed), held for review or decided by the secretariat is never downgraded, and its report stays.
    /// </summary>
    /// <returns>The failed record and its report, or null where the committed record stands.</returns>
    public async Task<IngestionResult?> RecordFailureAsync(
        UploadPath path, ReceivedVersion version, Sha256? sha256, string reason, CancellationToken cancellationToken)
    {
        var uploadId = UploadId.Of(path, version, sha256);
        // Only a department of the plan (a path-safe id) has uploads that are committed or held.
        if (path.Department.Id is { } departmentId
            && await ledger.FindAsync(plan.Id, departmentId, uploadId, cancellationToken)
                is { } earlier && (earlier.Committed || earlier.Held))
        {
            LogPoisonAfterCommit(path.BlobName, earlier.Status);
            return null;
        }

        var record = new UploadRecord(plan.Id, path.Department, uploadId, path.BlobName, sha256,
            version.ReceivedAt(path), clock.GetUtcNow(), UploadStatus.Failed, 0, 0, 1, 0, Reason: reason,
            Version: version.Tag, FileName: path.FileName);
        var problem = new Problem(Severity.Error, ProblemCode.ProcessingFailed, null, null, null,
            $"処理に繰り返し失敗しました（{ProblemCatalog.Quote(reason)}）。運用担当が再処理（replay）できます。",
            $"Processing failed repeatedly ({ProblemCatalog.Quote(reason)}); an operator can replay the upload.");
        return await FinishAsync(record, Report(record, null, [problem]), recordInLedger: path.IsValid,
            cancellationToken);
    }

    /// <summary>
    /// Runs a step whose failure is not a problem of the file (those are in the submission): our code or
    /// storage failed. The department is told so, never that its file is broken, and the exception is
    /// rethrown so that the platform delivers the upload again.
    /// </summary>
    private async Task<T> NotTheFileAsync<T>(UploadRecord record, Func<Task<T>> step,
        CancellationToken cancellationToken)
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

    /// <summary>Writes the report of an upload our own code or storage failed on (not recorded in the ledger: the
    /// platform retries it).</summary>
    private async Task ReportInternalErrorAsync(UploadRecord record, Exception exception,
        CancellationToken cancellationToken)
    {
        LogInternalError(exception, record.BlobName, record.UploadId.Value);
        var failed =
            record with { Status = UploadStatus.Failed, Errors = 1, Reason =
                PipelineJson.Name(ProblemCatalog.InternalError().Code) };
        try
        {
            await reports.WriteAsync(ReportNames.For(record), Report(failed, null, [ProblemCatalog.InternalError()]),
                cancellationToken);
        }
        catch (Exception reportFailure) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage is likely what failed: the first exception is the one rethrown; this one is logged.
            LogInternalErrorReportFailed(reportFailure, record.BlobName);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message =
        "Upload {BlobName} (upload {UploadId}) failed in the pipeline, not because of its file; it will be delivered " +
            "again")]
    private partial void LogInternalError(Exception exception, string blobName, string uploadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the internal_error report of {BlobName}")]
    private partial void LogInternalErrorReportFailed(Exception exception, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "A poison message came for {BlobName}, which is {Status}: it stays so and its report is kept")]
    private partial void LogPoisonAfterCommit(string blobName, UploadStatus status);
}
