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

    /// <summary>The workbook's bytes.</summary>
    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        using var output = new MemoryStream();
        Write(sheets, output);
        return output.ToArray();
    }

    /// <summary>
    /// Writes the workbook to <paramref name="output"/>, left open: each sheet streamed into the package a row at a
    /// time (<see cref="OpenXmlWriter"/>), never a whole sheet's cells in memory (issue 27).
    /// </summary>
    public static void Write(IReadOnlyList<WorkbookSheet> sheets, Stream output)
    {
        var workbook = new Workbook(
            new Sheets(sheets.Select((sheet, i) =>
                new Sheet { Id = SheetId(i), SheetId = (uint)(i + 1), Name = sheet.Name })),
            new DefinedNames(sheets.Select((sheet, i) =>
                new DefinedName($"'{sheet.Name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i })));
        var worksheets = sheets.Select((sheet, i) => new OpenXmlPackagePart(
            $"xl/worksheets/sheet{i + 1}.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            stream => Worksheet(sheet, stream)));
        var main = new OpenXmlPackagePart(
            "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            workbook.Save)
        {
            // Relationship ids named here rather than at random, so the same feed gives the same bytes.
            Relationships =
            [
                new("rIdStyles", OpenXmlRelationship.StylesType, "/xl/styles.xml"),
                .. sheets.Select((_, i) =>
                    new OpenXmlRelationship(SheetId(i), OpenXmlRelationship.WorksheetType,
                        $"/xl/worksheets/sheet{i + 1}.xml")),
            ],
        };
        OpenXmlPackageWriter.Write(output, main, "rIdWorkbook",
        [
            new("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
                Styles().Save),
            .. worksheets,
        ]);
    }

    private static string SheetId(int index) => $"rIdSheet{index + 1}";

    private static void Worksheet(WorkbookSheet sheet, Stream output)
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
        using var writer = OpenXmlPackageWriter.PartWriter(output);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(new Columns(
            sheet.Widths.Select((w, i) =>
                new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(Row(1, sheet.Header.Cast<object?>().ToList(), HeaderStyle));
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            writer.WriteElement(Row(r + 2, sheet.Rows[r], sheet.HighlightedRows.Contains(r) ? HighlightStyle : 0));
        }

        writer.WriteEndElement();
        writer.WriteElement(
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(
            new PageSetup
            {
                PaperSize = A4, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0,
            });
        writer.WriteElement(new HeaderFooter(new OddFooter($"&L{sheet.Name}&R&P / &N")));
        writer.WriteEndElement();
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
