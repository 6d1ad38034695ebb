namespace Pipeline.Publishing.Formats;

/// <summary>One file of the published feed: its path under the plan's folder, bytes and HTTP headers.</summary>
public sealed record FeedFile(string Name, byte[] Content, string ContentType, string CacheControl);
