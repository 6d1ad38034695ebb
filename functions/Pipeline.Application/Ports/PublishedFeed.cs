namespace Pipeline.Application.Ports;

/// <summary>The published feed as stored: its bytes and the content hash that serves as its ETag.</summary>
public sealed record PublishedFeed(byte[] Json, string ContentHash);
