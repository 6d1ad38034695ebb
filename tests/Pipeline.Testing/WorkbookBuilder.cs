using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Testing;

/// <summary>A percentage cell (a number shown with a % format, as Excel stores 95.1% = 0.951).</summary>
public sealed record Percent(double Fraction);

/// <summary>A cell holding a formula, with or without a cached result.</summary>
public sealed record Formula(string Expression, double? Cached);

/// <summary>
/// Builds .xlsx workbooks in memory with the Open XML SDK (another writer than our reader): shared
/// strings, numbers, percent and date formats, formulas, merged title cells.
/// </summary>
public sealed class WorkbookBuilder
{
    private readonly List<(string Name, List<object?[]> Rows, List<string> Merges)> _sheets = [];

    public WorkbookBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows.ToList(), []));
        return this;
    }

    /// <summary>Merges a range (such as <c>A1:F1</c>) on the last sheet added.</summary>
    public WorkbookBuilder Merge(string range)
    {
        _sheets[^1].Merges.Add(range);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 3 });
            var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStrings.SharedStringTable = new SharedStringTable();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (name, rows, merges) in _sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (Cell(rows[r][c], $"{Pipeline.Spreadsheets.Reading.ColumnName.Of(c + 1)}{r + 1}", strings, sharedStrings.SharedStringTable) is { } cell)
                        {
                            row.Append(cell);
                        }
                    }

                    data.Append(row);
                }

                var worksheet = new Worksheet(data);
                if (merges.Count > 0)
                {
                    worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                }

                worksheetPart.Worksheet = worksheet;
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static Cell? Cell(object? value, string reference, Dictionary<string, int> strings, SharedStringTable table)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                if (!strings.TryGetValue(s, out var index))
                {
                    index = strings.Count;
                    strings[s] = index;
                    table.Append(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            case Percent p:
                return new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(p.Fraction) };
            case DateTime d:
                return new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(d.ToOADate()) };
            case Formula f:
                var cell = new Cell { CellReference = reference, CellFormula = new CellFormula(f.Expression) };
                if (f.Cached is { } cached)
                {
                    cell.CellValue = new CellValue(cached);
                }

                return cell;
            case int i:
                return new Cell { CellReference = reference, CellValue = new CellValue(i) };
            case double d:
                return new Cell { CellReference = reference, CellValue = new CellValue(d) };
            case decimal m:
                return new Cell { CellReference = reference, CellValue = new CellValue(m) };
            default:
                throw new ArgumentException($"Unsupported cell value {value.GetType()}");
        }
    }
}
