using Pipeline.Domain.Uploads;

namespace Pipeline.Portal.Api.Documents;

/// <summary>The answer to a decision, or to a commentary entry: the upload and its new status.</summary>
public sealed record ReviewDecidedDocument(string UploadId, UploadStatus Status);
