using System.IO.Compression;
using System.Text;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Streams the rows of an OpenDocument spreadsheet (.ods, as LibreOffice writes it): the package's declared
/// sizes are checked first (<see cref="PackageLimits"/>), then <c>content.xml</c> streams through a forward-only
/// XmlReader (<see cref="OdsRowParser"/>), one row in memory at a time. Formulas give their cached values;
/// repeated rows and columns are expanded only where they hold something (docs/files.md).
/// </summary>
internal static class OdsSheetReader
{
    /// <summary>The media type an ODF spreadsheet package names in its first entry, <c>mimetype</c>.</summary>
    public const string MimeType = "application/vnd.oasis.opendocument.spreadsheet";

    private static readonly byte[] MimeTypeEntry = Encoding.ASCII.GetBytes("mimetype" + MimeType);

    /// <summary>
    /// Whether the first bytes are an ODF spreadsheet package: a zip whose first entry is the uncompressed
    /// <c>mimetype</c> file naming <see cref="MimeType"/> (ODF 1.2 part 3, §3.3), so no archive is opened to tell.
    /// </summary>
    public static bool IsOds(ReadOnlySpan<byte> head) =>
        head.Length >= 30 + MimeTypeEntry.Length
        && head[..4].SequenceEqual("PK\u0003\u0004"u8)
        && head[26] == 8 && head[27] == 0 // the entry's name is "mimetype", 8 bytes
        && head.Slice(30, MimeTypeEntry.Length).SequenceEqual(MimeTypeEntry);

    /// <summary>Bytes <see cref="IsOds"/> needs to look at.</summary>
    public static int HeadLength => 30 + MimeTypeEntry.Length;

    public static IEnumerable<SheetRow> Read(Stream stream, Func<string, bool> includeSheet, ReadLimits limits)
    {
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        PackageLimits.Check(zip, limits);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.StartsWith("Basic/", StringComparison.Ordinal)
                || entry.FullName.StartsWith("Scripts/", StringComparison.Ordinal))
            {
                throw new SpreadsheetReadException(ProblemCode.UnsupportedFormat,
                    "マクロを含むブックは受け付けません。マクロなしで保存してください。",
                    "Workbooks with macros are not accepted; save the file without them.");
            }
        }

        var content = zip.GetEntry("content.xml")
            ?? throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                "ODF の content.xml がありません。", "The ODF package has no content.xml.");
        using var part = content.Open();
        foreach (var row in new OdsRowParser(includeSheet, limits).Rows(part))
        {
            yield return row;
        }
    }
}
