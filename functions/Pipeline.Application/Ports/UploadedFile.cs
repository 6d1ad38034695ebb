using Pipeline.Domain.Uploads;

namespace Pipeline.Application.Ports;

/// <summary>
/// An uploaded blob as ingestion sees it: where it is (read once, where its name came in), the version of it that
/// was read, its content, and from its metadata who uploaded it and the file's name as they gave it, where known.
/// </summary>
public sealed record UploadedFile(
    UploadPath Path, ReceivedVersion Version, Stream Content, string? UploadedBy = null, string? FileName = null);
