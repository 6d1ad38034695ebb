namespace Pipeline.Publishing.Formats;

/// <summary>
/// An Open XML package (.docx, .xlsx) as published: the zip the SDK writes stamps each part with the clock, so the
/// same content written a second later was other bytes. Repacked, the parts come in a fixed order
/// (<c>[Content_Types].xml</c> first, then by name) with one fixed time (<see cref="FeedArchive"/>'s earliest,
/// 1980-01-01), and the same content gives the same bytes.
/// </summary>
internal static class OpenXmlPackage
{
    private const string ContentTypesPath = "[Content_Types].xml";

    public static byte[] Repack(byte[] package)
    {
        var parts = FeedArchive.Read(package)
            .OrderBy(p => p.Path == ContentTypesPath ? 0 : 1)
            .ThenBy(p => p.Path, StringComparer.Ordinal);
        return FeedArchive.Write(parts, default);
    }
}
