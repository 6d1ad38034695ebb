namespace Pipeline.Portal.Api.Documents;

/// <summary>The 202 answer to an upload: the name it was stored under and where its report will be.</summary>
public sealed record UploadAcceptedDocument(string Name, string BlobName, string Sha256, string Report);
