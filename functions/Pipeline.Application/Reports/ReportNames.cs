using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Reports;

/// <summary>
/// Where each upload's report is in container <c>upload-reports</c> (RULES.md §2): one per upload, by its id,
/// kept forever beside its record: <c>{planId}/{departmentId}/{uploadId}.json</c>; an upload whose path names no
/// department (traversal, control characters) has its report under <c>_invalid/{uploadId}.json</c>.
/// Reports written before issue 22 are where they were, by blob name (<see cref="ByBlobName"/>).
/// </summary>
public static class ReportNames
{
    /// <summary>The report of upload <paramref name="uploadId"/> of a department.</summary>
    public static string Of(string planId, string departmentId, UploadId uploadId) =>
        $"{planId}/{departmentId}/{uploadId}.json";

    /// <summary>
    /// The report of the upload <paramref name="record"/> records: its department's, or under <c>_invalid/</c> where
    /// its path named no department.
    /// </summary>
    public static string For(UploadRecord record) => record.Department.Name is { } department
        ? Of(record.PlanId?.Value ?? "", department, record.UploadId)
        : Invalid(record.UploadId);

    /// <summary>The report of an upload whose path is not valid.</summary>
    public static string Invalid(UploadId uploadId) => $"_invalid/{uploadId}.json";

    /// <summary>
    /// Where a report was written before issue 22: the upload's blob name plus <c>.report.json</c>, overwritten by each
    /// upload of that name.
    /// </summary>
    public static string ByBlobName(string blobName) => blobName + ".report.json";
}
