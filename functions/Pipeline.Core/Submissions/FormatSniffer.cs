using Pipeline.Core.Submissions.Reading;

namespace Pipeline.Core.Submissions;

/// <summary>
/// Picks the sheet reader from the file's name and its first bytes (a ZIP package, an OLE compound file or
/// text), so a file whose content is not what its name says is reported, not mis-read (<c>RULES.md §2</c>).
/// </summary>
internal static class FormatSniffer
{
    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The file's rows, read lazily; or null with the problem added where no reader applies.</summary>
    public static IEnumerable<SheetRow>? Rows(Stream content, string fileName, ReadLimits limits, ProblemList problems)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        content.Position = 0;
        Span<byte> magic = stackalloc byte[8];
        var length = content.ReadAtLeast(magic, 8, throwOnEndOfStream: false);
        content.Position = 0;
        var isZip = length >= 4 && magic[0] == 0x50 && magic[1] == 0x4B && magic[2] == 0x03 && magic[3] == 0x04;
        var isCompound = length >= 8 && magic[..8].SequenceEqual(CompoundMagic);
        if (length == 0)
        {
            problems.Add(ProblemCatalog.FileUnreadable("ファイルが空です。", "The file is empty."));
            return null;
        }

        switch (extension)
        {
            case ".xlsx" when isZip:
                return XlsxSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".xls" when isCompound:
                return XlsSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".xls" when isZip:
                // An .xlsx saved under an old name: read it for what it is.
                return XlsxSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".csv" when !isZip && !isCompound:
                return CsvSheetReader.Read(content, Path.GetFileNameWithoutExtension(fileName), limits);
            case ".xlsx" or ".xls" or ".csv":
                problems.Add(ProblemCatalog.FileUnreadable(
                    $"中身が {extension} 形式ではありません。", $"The content is not a {extension} file."));
                return null;
            default:
                problems.Add(ProblemCatalog.UnsupportedFormat(fileName));
                return null;
        }
    }
}
