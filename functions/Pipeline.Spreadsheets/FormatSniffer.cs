using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets;

/// <summary>
/// Picks the sheet reader from the file's name and its first bytes (a ZIP package, an OLE compound file or
/// text; an ODF package by its <c>mimetype</c> entry), so a file whose content is not what its name says is reported,
/// not mis-read (<c>RULES.md §2</c>).
/// </summary>
internal static class FormatSniffer
{
    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The file's rows, read lazily; or null with the problem added where no reader applies.</summary>
    public static IEnumerable<SheetRow>? Rows(Stream content, string fileName, ReadLimits limits, ProblemList problems)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        content.Position = 0;
        Span<byte> magic = stackalloc byte[OdsSheetReader.HeadLength];
        var length = content.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var isZip = length >= 4 && magic[0] == 0x50 && magic[1] == 0x4B && magic[2] == 0x03 && magic[3] == 0x04;
        var isCompound = length >= 8 && magic[..8].SequenceEqual(CompoundMagic);
        var isOds = OdsSheetReader.IsOds(magic[..length]);
        if (length == 0)
        {
            problems.Add(ProblemCatalog.FileUnreadable("ファイルが空です。", "The file is empty."));
            return null;
        }

        switch (extension)
        {
            case ".xlsx" or ".xls" when isOds:
            case ".ods" when isZip:
                // An OpenDocument spreadsheet, also when saved under an Excel name: read it for what it is.
                return OdsSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".xlsx" when isZip:
                return XlsxSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".xls" when isCompound:
                return XlsSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".xls" when isZip:
                // An .xlsx saved under an old name: read it for what it is.
                return XlsxSheetReader.Read(content, SubmissionReader.IsDataSheet, limits);
            case ".csv" or ".tsv" or ".txt" when !isZip && !isCompound:
                // Comma- or tab-separated whatever the name says: the separator is detected.
                return CsvSheetReader.Read(content, Path.GetFileNameWithoutExtension(fileName), limits);
            case var accepted when SubmissionReader.AcceptedExtensions.Contains(accepted, StringComparer.Ordinal):
                // An accepted name whose content is something else.
                problems.Add(ProblemCatalog.FileUnreadable(
                    $"中身が {extension} 形式ではありません。", $"The content is not a {extension} file."));
                return null;
            default:
                problems.Add(ProblemCatalog.UnsupportedFormat(fileName));
                return null;
        }
    }
}
