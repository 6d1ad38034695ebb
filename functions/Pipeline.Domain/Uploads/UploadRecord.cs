using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Uploads;

/// <summary>
/// The ledger's record of one upload (one row of the uploads table). <see cref="UploadedBy"/> is the person who
/// uploaded it through the portal, where known; <see cref="FileName"/> the file's name as they gave it.
/// </summary>
/// <param name="PlanId">
/// The plan; null for an upload whose path names no plan id (no default plan, or a plan file not served whose id is
/// its file's name): such an upload is reported, never stored.
/// </param>
/// <param name="Department">
/// The department the path names (a department id, a segment that is none, or none where the path is not valid).
/// </param>
/// <param name="UploadId">The upload's id (<see cref="Uploads.UploadId.Of"/>).</param>
/// <param name="BlobName">Where it is in container <c>uploads</c>.</param>
/// <param name="Sha256">Its content's hash; null where the content was not read (the blob was gone).</param>
/// <param name="ReceivedAt">
/// When it was received (<see cref="ReceivedVersion.ReceivedAt"/>; the blob's creation time in records of earlier
/// versions).
/// </param>
/// <param name="ProcessedOn">When the pipeline decided its status.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Observations">Values it gave.</param>
/// <param name="Evaluations">Evaluations it gave.</param>
/// <param name="Errors">Errors found.</param>
/// <param name="Warnings">Warnings found.</param>
/// <param name="DuplicateOf">For a duplicate, the upload whose content it repeats.</param>
/// <param name="Reason">For a rejected or failed upload, the first error's code or the failure.</param>
/// <param name="UploadedBy">Who uploaded it through the portal, where known.</param>
/// <param name="Version">
/// The ETag or version id of the blob version received (<see cref="ReceivedVersion.Tag"/>); null in records of earlier
/// versions.
/// </param>
/// <param name="FileName">
/// The file's name as the person gave it; null in records of earlier versions (then the blob name's last segment).
/// </param>
public sealed record UploadRecord(
    PlanId? PlanId,
    UploadDepartment Department,
    UploadId UploadId,
    string BlobName,
    Sha256? Sha256,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ProcessedOn,
    UploadStatus Status,
    int Observations,
    int Evaluations,
    int Errors,
    int Warnings,
    UploadId? DuplicateOf = null,
    string? Reason = null,
    string? UploadedBy = null,
    string? Version = null,
    string? FileName = null)
{
    /// <summary>Where the upload stands in the order uploads were received.</summary>
    public UploadOrder Order => new(ReceivedAt, UploadId);

    /// <summary>The name shown to people: the file's name as given, else the blob name's last segment.</summary>
    public string DisplayName => FileName ?? BlobName[(BlobName.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Whether its rows are part of the history the feed is made from: an accepted upload's, and a duplicate's
    /// since issue 22 (a duplicate is committed with its rows, which count where they differ from what stands before
    /// them, RULES.md §2). A duplicate recorded by an earlier version had its rows never committed.
    /// </summary>
    public bool Committed =>
        Status == UploadStatus.Accepted || (Status == UploadStatus.Duplicate && Version is not null);

    /// <summary>
    /// Whether it is held back by the plan's secretariat (RULES.md §14): waiting for review, or returned. Its rows are
    /// stored but not part of the history until an approval commits it.
    /// </summary>
    public bool Held => Status is UploadStatus.PendingReview or UploadStatus.Returned;
}
