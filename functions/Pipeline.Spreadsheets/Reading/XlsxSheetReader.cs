using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Domain.Problems;


namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Streams the rows of an .xlsx workbook: the Open XML SDK opens the package and finds the parts,
/// shared strings and styles (read once); each worksheet streams through a forward-only XmlReader
/// (<see cref="SheetRowParser"/>), one row in memory at a time whatever the size of the sheet.
/// Formula cells give their cached value; they are never evaluated.
/// </summary>
internal static class XlsxSheetReader
{
    public static IEnumerable<SheetRow> Read(Stream stream, Func<string, bool> includeSheet, ReadLimits limits)
    {
        CheckPackage(stream, limits);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings
        {
            MaxCharactersInPart = limits.MaxUncompressedBytes,
        });
        if (document.DocumentType != DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook)
        {
            throw new SpreadsheetReadException(ProblemCode.UnsupportedFormat,
                "マクロ有効ブックやテンプレートは受け付けません。.xlsx で保存してください。",
                "Macro-enabled workbooks and templates are not accepted; save the file as .xlsx.");
        }

        var workbookPart = document.WorkbookPart
            ?? throw new SpreadsheetReadException(ProblemCode.FileUnreadable, "ブックにシートがありません。",
                "The workbook has no sheets.");
        var sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart, limits);
        var styles = ReadStyles(workbookPart.WorkbookStylesPart);
        var date1904 = workbookPart.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToArray() ?? [];
        var rowsRead = 0;
        var partsRead = new HashSet<Uri>();

        foreach (var sheet in sheets)
        {
            var name = sheet.Name?.Value ?? "";
            if (!includeSheet(name) || sheet.Id?.Value is not { } relId
                || workbookPart.GetPartById(relId) is not WorksheetPart worksheetPart)
            {
                continue;
            }

            if (!partsRead.Add(worksheetPart.Uri))
            {
                // Excel gives each sheet its own part: one part under many names would be read again for each.
                throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                    $"シート「{name}」は別のシートと同じ中身（{worksheetPart.Uri}）を指しています。Excel などで開いて保存し直してください。",
                    $"The sheet '{name}' points at the same part as another sheet ({worksheetPart.Uri}); open the " +
                        $"file in Excel and save it again.",
                    name);
            }

            using var part = worksheetPart.GetStream(FileMode.Open, FileAccess.Read);
            foreach (var row in new SheetRowParser(name, sharedStrings, styles, date1904, limits).Rows(part))
            {
                if (++rowsRead > limits.MaxRows)
                {
                    throw Limits.TooManyRows(limits, name, row.Row);
                }

                if (row.Cells.Count > 0)
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>Shared strings without their phonetic (ふりがな, rPh) runs.</summary>
    private static List<string> ReadSharedStrings(SharedStringTablePart? part, ReadLimits limits)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        long characters = 0;
        using var reader = OpenXmlReader.Create(part);
        System.Text.StringBuilder? item = null;
        var phonetic = false;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    item = new System.Text.StringBuilder();
                }
                else if (item is not null)
                {
                    strings.Add(item.ToString());
                    item = null;
                }
            }
            else if (type == typeof(PhoneticRun))
            {
                phonetic = reader.IsStartElement;
            }
            else if (item is not null && !phonetic && type == typeof(Text) && reader.IsStartElement)
            {
                var text = reader.GetText();
                characters += text.Length;
                if (characters > limits.MaxSharedStringCharacters)
                {
                    throw new SpreadsheetReadException(ProblemCode.FileTooLarge,
                        $"共有文字列表が上限（{limits.MaxSharedStringCharacters:N0} 文字）を超えています。",
                        $"The shared-string table holds more than {limits.MaxSharedStringCharacters:N0} characters.");
                }

                item.Append(text);
            }
        }

        return strings;
    }

    private static NumberFormatKind[] ReadStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return [];
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => NumberFormat.OfCode(g.First().FormatCode?.Value)) ?? [];
        return stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id
                ? custom.TryGetValue(id, out var kind) ? kind : NumberFormat.OfBuiltIn(id)
                : NumberFormatKind.Plain)
            .ToArray();
    }

    /// <summary>Refuses packages whose declared sizes break the limits, or that carry macros, before any XML is
    /// parsed.</summary>
    private static void CheckPackage(Stream stream, ReadLimits limits)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        PackageLimits.Check(zip, limits);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                throw new SpreadsheetReadException(ProblemCode.UnsupportedFormat,
                    "マクロを含むブックは受け付けません。マクロなしの .xlsx で保存してください。",
                    "Workbooks with macros are not accepted; save the file as a macro-free .xlsx.");
            }
        }
    }
}
