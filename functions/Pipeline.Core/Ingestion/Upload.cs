using Pipeline.Core.Catalogue;
using Pipeline.Core.Submissions;

namespace Pipeline.Core.Ingestion;

/// <summary>What became of an upload.</summary>
public enum UploadStatus
{
    /// <summary>Every row was valid and all of them are stored.</summary>
    Accepted,
    /// <summary>At least one error: nothing of the file is stored.</summary>
    Rejected,
    /// <summary>The same content was accepted before: nothing changes.</summary>
    Duplicate,
    /// <summary>Processing failed repeatedly (poison): nothing is stored; an operator may replay it.</summary>
    Failed,
}

/// <summary>An uploaded blob as the trigger sees it: <c>{departmentId}/{name}</c> in container <c>uploads</c>.</summary>
public sealed record UploadedFile(string BlobName, DateTimeOffset CreatedOn, Stream Content);

/// <summary>The ledger's record of one upload (one row of the uploads table).</summary>
public sealed record UploadRecord(
    string PlanId,
    string DepartmentId,
    string UploadId,
    string BlobName,
    string Sha256,
    DateTimeOffset BlobCreatedOn,
    DateTimeOffset ProcessedOn,
    UploadStatus Status,
    int Observations,
    int Evaluations,
    int Errors,
    int Warnings,
    string? DuplicateOf = null,
    string? Reason = null);

/// <summary>Where an upload stands once processed: its record and the report written for it.</summary>
public sealed record IngestionResult(UploadRecord Record, UploadReport Report);

/// <summary>Reads a blob path: the department is its first segment, the file name what follows.</summary>
public static class UploadPath
{
    /// <summary>Splits <c>{department}/{name}</c>; false for paths without a department, with traversal or control characters.</summary>
    public static bool TryParse(string blobName, out string department, out string name)
    {
        department = "";
        name = "";
        if (string.IsNullOrEmpty(blobName) || blobName.Length > 1024 || blobName.Any(char.IsControl)
            || blobName.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == blobName.Length - 1)
        {
            return false;
        }

        department = blobName[..slash];
        name = blobName[(slash + 1)..];
        return !name.Split('/').Any(segment => segment is "" or "." or "..");
    }

    /// <summary>Where the report of an upload with an unusable path goes: <c>_invalid/{hash of the name}</c>.</summary>
    public static string InvalidReportName(string blobName) =>
        "_invalid/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName)))[..24];

    /// <summary>A stable id for one blob version: its creation time (sortable) and a hash of its name and content.</summary>
    public static string UploadIdOf(string blobName, DateTimeOffset createdOn, string sha256)
    {
        var nameAndContent = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName + "\n" + sha256));
        return $"{createdOn.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{Convert.ToHexStringLower(nameAndContent)[..12]}";
    }
}

/// <summary>The uploads table: every upload, its status and the content hashes already accepted.</summary>
public interface IUploadLedger
{
    /// <summary>The record of an upload processed before, if any (redelivery).</summary>
    Task<UploadRecord?> FindAsync(string departmentId, string uploadId, CancellationToken cancellationToken);

    /// <summary>The accepted upload that had this content, if any.</summary>
    Task<UploadRecord?> FindAcceptedContentAsync(string departmentId, string sha256, CancellationToken cancellationToken);

    /// <summary>Records a rejected, duplicate or failed upload.</summary>
    Task RecordAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an upload accepted and claims its content hash, in one transaction: the moment its
    /// staged rows become visible. False where the content was claimed by another upload first.
    /// </summary>
    Task<bool> CommitAsync(UploadRecord record, CancellationToken cancellationToken);

    /// <summary>Every accepted upload of a plan.</summary>
    IAsyncEnumerable<UploadRecord> AcceptedAsync(string planId, CancellationToken cancellationToken);
}

/// <summary>Observations and evaluations, stored under the upload that brought them.</summary>
public interface IObservationStore
{
    /// <summary>Writes some of an upload's rows; idempotent; invisible until the ledger commits the upload.</summary>
    Task StageAsync(Plan plan, UploadRecord upload, IReadOnlyList<Observation> observations, IReadOnlyList<Evaluation> evaluations, CancellationToken cancellationToken);

    /// <summary>Every stored observation of a plan, committed or not; the reader joins with the ledger.</summary>
    IAsyncEnumerable<StoredObservation> ObservationsAsync(Plan plan, CancellationToken cancellationToken);

    /// <summary>Every stored evaluation of a plan, committed or not.</summary>
    IAsyncEnumerable<StoredEvaluation> EvaluationsAsync(Plan plan, CancellationToken cancellationToken);
}

/// <summary>An observation as stored, with the upload it came from.</summary>
public sealed record StoredObservation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string UploadId, DateTimeOffset BlobCreatedOn);

/// <summary>An evaluation as stored, with the upload it came from.</summary>
public sealed record StoredEvaluation(
    string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment, string UploadId, DateTimeOffset BlobCreatedOn);

/// <summary>Writes the report blob of an upload.</summary>
public interface IReportWriter
{
    Task WriteAsync(string blobName, UploadReport report, CancellationToken cancellationToken);
}
