namespace Pipeline.Application.Ingestion;

/// <summary>The message the blob trigger writes to its poison queue.</summary>
public sealed record PoisonMessage(string? Type, string? FunctionId, string? BlobType, string? ContainerName,
    string? BlobName, string? ETag, int? DequeueCount);
