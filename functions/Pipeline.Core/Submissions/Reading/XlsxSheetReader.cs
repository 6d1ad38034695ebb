using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Pipeline.Core.Submissions.Reading;

/// <summary>
/// Streams the rows of an .xlsx workbook with the Open XML SDK's SAX reader: one row is in memory
/// at a time, whatever the size of the sheet. Shared strings and styles are read once.
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
            throw new SpreadsheetReadException("unsupported_format",
                "マクロ有効ブックやテンプレートは受け付けません。.xlsx で保存してください。",
                "Macro-enabled workbooks and templates are not accepted; save the file as .xlsx.");
        }

        var workbookPart = document.WorkbookPart
            ?? throw new SpreadsheetReadException("file_unreadable", "ブックにシートがありません。", "The workbook has no sheets.");
        var sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart, limits);
        var styles = ReadStyles(workbookPart.WorkbookStylesPart);
        var date1904 = workbookPart.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToArray() ?? [];
        var rowsRead = 0;

        foreach (var sheet in sheets)
        {
            var name = sheet.Name?.Value ?? "";
            if (!includeSheet(name) || sheet.Id?.Value is not { } relId
                || workbookPart.GetPartById(relId) is not WorksheetPart worksheetPart)
            {
                continue;
            }

            using var reader = OpenXmlReader.Create(worksheetPart);
            var lastRow = 0;
            var more = reader.Read();
            while (more && !reader.EOF)
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    more = reader.Read();
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(lastRow + 1));
                lastRow = rowNumber;
                if (++rowsRead > limits.MaxRows)
                {
                    throw Limits.TooManyRows(limits, name, rowNumber);
                }

                var cells = ReadCells(row, name, rowNumber, sharedStrings, styles, date1904, limits);
                if (cells.Count > 0)
                {
                    yield return new SheetRow(name, rowNumber, cells);
                }
            }
        }
    }

    private static List<Cell> ReadCells(
        Row row, string sheet, int rowNumber, IReadOnlyList<string> sharedStrings, NumberFormatKind[] styles,
        bool date1904, ReadLimits limits)
    {
        var cells = new List<Cell>();
        var column = 0;
        foreach (var c in row.Elements<XCell>())
        {
            column = c.CellReference?.Value is { } reference ? ColumnName.Parse(reference) : column + 1;
            if (column > limits.MaxColumns)
            {
                throw Limits.TooManyColumns(limits, sheet, rowNumber, column);
            }

            var text = c.CellValue?.Text;
            var type = c.DataType?.Value;
            Cell cell;
            if (text is null && c.CellFormula is not null)
            {
                cell = Cell.OfError(column, "formula-without-cached-value");
            }
            else if (type == CellValues.SharedString)
            {
                var index = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                if (index < 0 || index >= sharedStrings.Count)
                {
                    throw new SpreadsheetReadException("file_unreadable",
                        "共有文字列の参照が壊れています。", "A shared-string reference is broken.", sheet, rowNumber, ColumnName.Of(column));
                }

                cell = Cell.OfText(column, sharedStrings[index]);
            }
            else if (type == CellValues.InlineString)
            {
                cell = Cell.OfText(column, InlineText(c.InlineString));
            }
            else if (type == CellValues.String)
            {
                cell = Cell.OfText(column, text ?? "");
            }
            else if (type == CellValues.Boolean)
            {
                cell = new Cell(column, CellKind.Boolean, text, text == "1" ? 1 : 0, false, default);
            }
            else if (type == CellValues.Error)
            {
                cell = Cell.OfError(column, text ?? "#ERROR");
            }
            else if (type == CellValues.Date)
            {
                cell = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? Cell.OfDate(column, date)
                    : Cell.OfText(column, text ?? "");
            }
            else if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                var style = c.StyleIndex?.Value is { } s && s < styles.Length ? styles[s] : NumberFormatKind.Plain;
                cell = style == NumberFormatKind.Date && number is > -657435 and < 2958466
                    ? Cell.OfDate(column, DateTime.FromOADate(number + (date1904 ? 1462 : 0)))
                    : Cell.OfNumber(column, number, style == NumberFormatKind.Percent);
            }
            else
            {
                cell = Cell.OfText(column, text);
            }

            if (cell.Text is { Length: var length } && length > limits.MaxCellCharacters)
            {
                throw Limits.CellTooLong(limits, sheet, rowNumber, column);
            }

            cells.Add(cell);
        }

        return cells;
    }

    private static string InlineText(InlineString? inline)
    {
        if (inline is null)
        {
            return "";
        }

        return inline.Text?.Text ?? string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text));
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
        var more = reader.Read();
        while (more && !reader.EOF)
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }

            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            var text = item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
            characters += text.Length;
            if (characters > limits.MaxUncompressedBytes / 2)
            {
                throw new SpreadsheetReadException("file_too_large",
                    "共有文字列表が大きすぎます。", "The shared-string table is too large.");
            }

            strings.Add(text);
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

    /// <summary>Refuses packages whose declared sizes break the limits, or that carry macros, before any XML is parsed.</summary>
    private static void CheckPackage(Stream stream, ReadLimits limits)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > limits.MaxUncompressedBytes || total > limits.MaxUncompressedBytes * 4)
            {
                throw new SpreadsheetReadException("file_too_large",
                    $"展開後のサイズが上限（{limits.MaxUncompressedBytes:N0} バイト）を超えます（{entry.FullName}）。",
                    $"The workbook expands beyond the limit of {limits.MaxUncompressedBytes:N0} bytes ({entry.FullName}).");
            }

            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                throw new SpreadsheetReadException("unsupported_format",
                    "マクロを含むブックは受け付けません。マクロなしの .xlsx で保存してください。",
                    "Workbooks with macros are not accepted; save the file as a macro-free .xlsx.");
            }
        }
    }
}

internal static class Limits
{
    public static SpreadsheetReadException TooManyRows(ReadLimits limits, string sheet, int row) => new(
        "too_many_rows",
        $"行数が上限（{limits.MaxRows:N0} 行）を超えています。ファイルを分けてください。",
        $"The file has more than {limits.MaxRows:N0} rows; split it into several files.", sheet, row);

    public static SpreadsheetReadException TooManyColumns(ReadLimits limits, string sheet, int row, int column) => new(
        "too_many_columns",
        $"列数が上限（{limits.MaxColumns:N0} 列）を超えています。",
        $"The row has more than {limits.MaxColumns:N0} columns.", sheet, row, ColumnName.Of(column));

    public static SpreadsheetReadException CellTooLong(ReadLimits limits, string sheet, int row, int column) => new(
        "cell_too_long",
        $"セルの文字数が上限（{limits.MaxCellCharacters:N0} 文字）を超えています。",
        $"The cell holds more than {limits.MaxCellCharacters:N0} characters.", sheet, row, ColumnName.Of(column));
}
