using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Spreadsheets.Writing;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The workbook as <see cref="OpenXmlPackageWriter"/> writes it (issue 27: streamed part by part, no SDK package):
/// the Open XML SDK opens it and reads back every sheet, name, cell, style and frozen pane; its zip lists
/// [Content_Types].xml first and the rest by path, all stamped 1980-01-01; and the same sheets give the same bytes.
/// </summary>
public sealed class WorkbookWriterTests
{
    private static readonly WorkbookSheet[] Sheets =
    [
        new("概要", ["区分", "値"], [["市全体", 12.5m], ["<&>\"区'", null], ["合計", 3]], [10, 8], 1,
            new HashSet<int> { 1 }),
        new("区別", ["区", "年度"], [.. Enumerable.Range(0, 500).Select(i => (IReadOnlyList<object?>)[$"区{i}", 2020 + (i % 5)])],
            [12, 8], 0, new HashSet<int>()),
    ];

    [Fact]
    public void The_sdk_reads_back_every_sheet_and_cell_and_the_same_sheets_give_the_same_bytes()
    {
        var bytes = WorkbookWriter.Write(Sheets);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["概要", "区別"], sheets.Select(s => s.Name!.Value));
            Assert.Equal(["'概要'!$1:$1", "'区別'!$1:$1"],
                workbook.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => d.Text));
            Assert.NotNull(workbook.WorkbookStylesPart?.Stylesheet);

            var first = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
            var rows = first.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(4, rows.Count);
            Assert.Equal(["区分", "値"], rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText));
            Assert.All(rows[0].Elements<Cell>(), c => Assert.Equal(1U, c.StyleIndex!.Value));
            Assert.Equal("12.5", rows[1].Elements<Cell>().ElementAt(1).CellValue!.Text);
            Assert.Equal("<&>\"区'", rows[2].Elements<Cell>().First().InlineString!.InnerText);
            Assert.All(rows[2].Elements<Cell>(), c => Assert.Equal(2U, c.StyleIndex!.Value));
            Assert.Null(rows[2].Elements<Cell>().ElementAt(1).CellValue);
            Assert.Equal("B2", first.Descendants<Pane>().Single().TopLeftCell!.Value);

            var second = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
            Assert.Equal(501, second.GetFirstChild<SheetData>()!.Elements<Row>().Count());
            Assert.Equal("区499", second.Descendants<Row>().Last().Elements<Cell>().First().InlineString!.InnerText);
        }

        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Equal("[Content_Types].xml", names[0]);
            Assert.Equal(names.Skip(1).Order(StringComparer.Ordinal), names.Skip(1));
            Assert.Contains("xl/_rels/workbook.xml.rels", names);
            Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        }

        Assert.Equal(bytes, WorkbookWriter.Write(Sheets));
    }
}
