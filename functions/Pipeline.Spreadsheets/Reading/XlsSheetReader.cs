using System.Text;
using ExcelDataReader;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>Reads Excel 97–2003 (.xls, BIFF8) workbooks with ExcelDataReader, row by row.</summary>
internal static class XlsSheetReader
{
    static XlsSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<SheetRow> Read(Stream stream, Func<string, bool> includeSheet, ReadLimits limits)
    {
        stream.Position = 0;
        using var reader =
            ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        var rowsRead = 0;
        do
        {
            var sheet = reader.Name ?? "";
            if (!includeSheet(sheet))
            {
                continue;
            }

            while (reader.Read())
            {
                var rowNumber = reader.Depth + 1;
                if (++rowsRead > limits.MaxRows)
                {
                    throw Limits.TooManyRows(limits, sheet, rowNumber);
                }

                if (reader.FieldCount > limits.MaxColumns)
                {
                    throw Limits.TooManyColumns(limits, sheet, rowNumber, reader.FieldCount);
                }

                var cells = new List<Cell>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var column = i + 1;
                    Cell? cell = reader.GetValue(i) switch
                    {
                        null => null,
                        string s when s.Length > limits.MaxCellCharacters =>
                            throw Limits.CellTooLong(limits, sheet, rowNumber, column),
                        string s => Cell.OfText(column, s),
                        DateTime d => Cell.OfDate(column, d),
                        bool b => new Cell(column, CellKind.Boolean, null, b ? 1 : 0, false),
                        double d =>
                            Cell.OfNumber(column, d,
                                NumberFormat.OfCode(reader.GetNumberFormatString(i)) == NumberFormatKind.Percent),
                        int n =>
                            Cell.OfNumber(column, n,
                                NumberFormat.OfCode(reader.GetNumberFormatString(i)) == NumberFormatKind.Percent),
                        TimeSpan t => Cell.OfText(column, t.ToString()),
                        var other =>
                            Cell.OfText(column,
                                Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                    };
                    if (cell is { } c)
                    {
                        cells.Add(c);
                    }
                }

                if (cells.Count > 0)
                {
                    yield return new SheetRow(sheet, rowNumber, cells);
                }
            }
        }
        while (reader.NextResult());
    }
}
