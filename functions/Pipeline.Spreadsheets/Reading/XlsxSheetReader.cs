using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Streams the rows of an .xlsx workbook: the package is opened over the seekable upload itself
/// (<see cref="XlsxPackage"/>: sizes, macros and the workbook's type checked first), the workbook, shared strings
/// and styles are read once (<see cref="XlsxWorkbook"/>), and each worksheet streams through a forward-only
/// XmlReader (<see cref="SheetRowParser"/>), one row in memory at a time whatever the size of the sheet.
/// Formula cells give their cached value; they are never evaluated.
/// </summary>
internal static class XlsxSheetReader
{
    public static IEnumerable<SheetRow> Read(Stream stream, Func<string, bool> includeSheet, ReadLimits limits)
    {
        using var package = XlsxPackage.Open(stream, limits);
        var workbook = XlsxWorkbook.Read(package);
        var rowsRead = 0;
        var partsRead = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (name, id) in workbook.Sheets)
        {
            if (!includeSheet(name) || id is null || workbook.WorksheetPart(name, id) is not { } worksheetPart)
            {
                continue;
            }

            if (!partsRead.Add(worksheetPart))
            {
                // Excel gives each sheet its own part: one part under many names would be read again for each.
                throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                    $"シート「{name}」は別のシートと同じ中身（{worksheetPart}）を指しています。Excel などで開いて保存し直してください。",
                    $"The sheet '{name}' points at the same part as another sheet ({worksheetPart}); open the " +
                        $"file in Excel and save it again.",
                    name);
            }

            using var part = package.OpenPart(worksheetPart);
            var parser = new SheetRowParser(name, workbook.SharedStrings, workbook.Styles, workbook.Date1904, limits);
            foreach (var row in parser.Rows(part))
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
}
