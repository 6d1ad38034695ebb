namespace Pipeline.Application.Ports;

/// <summary>
/// The published index of plans as last read: its content hash and an opaque version of each of its
/// files, so that a new index is written only over the one it was built against.
/// </summary>
public sealed record IndexVersion(string? ContentHash, IReadOnlyDictionary<string, string?> FileVersions);
