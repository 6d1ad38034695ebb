using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Spreadsheets.Writing;

/// <summary>
/// Writes <see cref="WorkbookSheet"/>s as an .xlsx with the Open XML SDK: A4 landscape, fit to one page wide, the
/// header row repeated on every printed page (<c>_xlnm.Print_Titles</c>), the header row and leading columns
/// frozen, text as inline strings, numbers as numbers.
/// </summary>
public static class WorkbookWriter
{
    private const uint HeaderStyle = 1;
    private const uint HighlightStyle = 2;
    private const uint A4 = 9;

    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddNewPart<WorkbookPart>(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            workbook.Workbook = new Workbook();
            // Relationship ids named here rather than at random, so the same feed gives the same bytes.
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Styles();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            var names = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>($"rIdSheet{i + 1}");
                part.Worksheet = Worksheet(sheets[i]);
                sheetList.Append(
                    new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheets[i].Name });
                names.Append(
                    new DefinedName($"'{sheets[i].Name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId =
                        (uint)i });
            }

            workbook.Workbook.Append(names);
            workbook.Workbook.Save();
        }

        return output.ToArray();
    }

    private static Worksheet Worksheet(WorkbookSheet sheet)
    {
        var frozenCell = $"{ColumnName(sheet.FrozenColumns)}2";
        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        view.Append(new Pane
        {
            HorizontalSplit = sheet.FrozenColumns,
            VerticalSplit = 1,
            TopLeftCell = frozenCell,
            ActivePane = sheet.FrozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        });
        var columns =
            new Columns(
                sheet.Widths.Select((w, i) =>
                    new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var data = new SheetData(Row(1, sheet.Header.Cast<object?>().ToList(), HeaderStyle));
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            data.Append(Row(r + 2, sheet.Rows[r], sheet.HighlightedRows.Contains(r) ? HighlightStyle : 0));
        }

        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view),
            columns,
            data,
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = A4, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight =
                0 },
            new HeaderFooter(new OddFooter($"&L{sheet.Name}&R&P / &N")));
    }

    private static Row Row(int index, IReadOnlyList<object?> values, uint style)
    {
        var row = new Row { RowIndex = (uint)index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = $"{ColumnName(c)}{index}";
            Cell cell = values[c] switch
            {
                null => new Cell { CellReference = reference },
                decimal d =>
                    new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                int n =>
                    new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
                var other => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString =
                        new InlineString(
                            new Text(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "")),
                },
            };
            if (style != 0)
            {
                cell.StyleIndex = style;
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>A, B, … Z, AA … for a zero-based column.</summary>
    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Yu Gothic" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Yu Gothic" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid })),
        new Borders(
            new Border(),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
            { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true,
                ApplyAlignment = true },
            new CellFormat { FontId = 1, FillId = 3, ApplyFont = true, ApplyFill = true }));
}
