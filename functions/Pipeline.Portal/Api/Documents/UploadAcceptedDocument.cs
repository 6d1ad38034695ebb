using Pipeline.Domain.Uploads;

namespace Pipeline.Portal.Api.Documents;

/// <summary>
/// The 202 answer to an upload: its id, the file's name, the path it was stored at (a folder of its own) and
/// where its report will be (by id).
/// </summary>
public sealed record UploadAcceptedDocument(
    UploadId UploadId, string Name, string BlobName, Sha256 Sha256, string Report);
