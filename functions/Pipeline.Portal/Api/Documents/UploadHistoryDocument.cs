namespace Pipeline.Portal.Api.Documents;

/// <summary><c>GET …/uploads</c>: a department's uploads, newest first.</summary>
public sealed record UploadHistoryDocument(string PlanId, string DepartmentId,
    IReadOnlyList<UploadHistoryItem> Uploads);
