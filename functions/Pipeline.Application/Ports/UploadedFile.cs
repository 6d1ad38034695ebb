namespace Pipeline.Application.Ports;

/// <summary>An uploaded blob as the trigger sees it: <c>{planId}/{departmentId}/{name}</c> (or <c>{departmentId}/{name}</c>) in container <c>uploads</c>, and who uploaded it (blob metadata) where known.</summary>
public sealed record UploadedFile(string BlobName, DateTimeOffset CreatedOn, Stream Content, string? UploadedBy = null);
