using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Uploads;

/// <summary>What became of an upload.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<UploadStatus>))]
public enum UploadStatus
{
    /// <summary>Every row was valid and all of them are stored and published.</summary>
    Accepted,
    /// <summary>At least one error: nothing of the file is stored.</summary>
    Rejected,
    /// <summary>
    /// Valid, and the same content as the department's upload received just before it (or, processed late, just
    /// after it): it changes nothing, and points at that upload (RULES.md §2).
    /// </summary>
    Duplicate,
    /// <summary>Processing failed repeatedly (poison): nothing is stored; an operator may replay it.</summary>
    Failed,
    /// <summary>
    /// Every row was valid and is stored, but not published (公開前) until the plan's secretariat approves it:
    /// the plan is reviewed, or the upload touches a confirmed fiscal year (RULES.md §14). Approved, it becomes
    /// <see cref="Accepted"/>.
    /// </summary>
    PendingReview,
    /// <summary>
    /// The secretariat returned it with a comment (差戻し): never published; the department uploads again.
    /// </summary>
    Returned,
}
