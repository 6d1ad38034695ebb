namespace Pipeline.Domain.Uploads;

/// <summary>The ledger's record of one upload (one row of the uploads table); <see cref="UploadedBy"/> is the person who uploaded it through the portal, where known.</summary>
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
    string? Reason = null,
    string? UploadedBy = null);
