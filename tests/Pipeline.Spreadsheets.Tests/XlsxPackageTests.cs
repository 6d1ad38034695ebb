using System.IO.Compression;
using System.Text;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Json;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Testing;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The .xlsx package as the reader opens it itself (issue 27, third pass: no Open XML SDK on the reading path):
/// parts found through [Content_Types].xml and the relationships as the Open Packaging Conventions say, and every
/// package the SDK refused still refused, as <c>file_unreadable</c> with a message in both languages.
/// </summary>
public sealed class XlsxPackageTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    private const string WorkbookType = SpreadsheetMl + ".sheet.main+xml";
    private const string SheetType = SpreadsheetMl + ".worksheet+xml";

    private static readonly string Rows = RawXlsx.Rows(["指標ID", "年度", "実績値"], ["I-1-K2", "2021", "5"]);

    /// <summary>A package from its parts, written as given (names, case and all).</summary>
    private static byte[] Package(params (string Name, string Xml)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return stream.ToArray();
    }

    private static (string, string) Types(string workbookType = WorkbookType, string sheetType = SheetType) =>
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{workbookType}\"/>" +
        $"<Override PartName=\"/XL/worksheets/sheet1.xml\" ContentType=\"{sheetType}\"/>" +
        $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{SpreadsheetMl}.sharedStrings+xml\"/>" +
        $"<Override PartName=\"/xl/styles.xml\" ContentType=\"{SpreadsheetMl}.styles+xml\"/></Types>");

    private static (string, string) Rels(string name, string relationships) =>
        (name, $"<Relationships xmlns=\"{Relationships}\">{relationships}</Relationships>");

    private static string Relationship(string id, string kind, string target, string mode = "") =>
        $"<Relationship Id=\"{id}\" Type=\"{OfficeDocument}/{kind}\" Target=\"{target}\"{mode}/>";

    private static (string, string) Workbook(string sheets = "<sheet name=\"実績\" sheetId=\"1\" r:id=\"rId1\"/>") =>
        ("xl/workbook.xml",
            $"<workbook xmlns=\"{RawXlsx.Main}\" xmlns:r=\"{OfficeDocument}\"><sheets>{sheets}</sheets></workbook>");

    private static readonly (string, string) Root =
        Rels("_rels/.rels", Relationship("r", "officeDocument", "xl/workbook.xml"));
    private static readonly (string, string) Sheet = ("xl/worksheets/sheet1.xml", RawXlsx.Sheet(Rows));

    private static Submission Read(byte[] file, string department = "shakyo") =>
        new SubmissionReader(Plan, ReadLimits.Default)
            .ReadWhole(new MemoryStream(file), "p.xlsx", Plan.FindDepartment(department));

    public static TheoryData<string, byte[]> Broken() => new()
    {
        { "no content types", Package(Root, Workbook(), Rels("xl/_rels/workbook.xml.rels",
            Relationship("rId1", "worksheet", "worksheets/sheet1.xml")), Sheet) },
        { "no workbook relationship", Package(Types(), Workbook(), Sheet) },
        { "workbook of an unknown type", Package(Types("application/xml"), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml")), Sheet) },
        { "sheet's relationship missing", Package(Types(), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId2", "worksheet", "worksheets/sheet1.xml")), Sheet) },
        { "sheet's part missing", Package(Types(), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet9.xml")), Sheet) },
        { "sheet outside the package", Package(Types(), Root, Workbook(), Rels("xl/_rels/workbook.xml.rels",
            Relationship("rId1", "worksheet", "file:///etc/passwd", " TargetMode=\"External\"")), Sheet) },
        { "two parts of one name", Package(Types(), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml")), Sheet,
            ("XL/Worksheets/Sheet1.xml", RawXlsx.Sheet(Rows))) },
        { "sheet of another content type", Package(Types(sheetType: "application/xml"), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml")), Sheet) },
        { "a related part missing", Package(Types(), Root, Workbook(), Rels("xl/_rels/workbook.xml.rels",
            Relationship("rId1", "worksheet", "worksheets/sheet1.xml") + Relationship("rId5", "theme", "theme/a.xml")),
            Sheet) },
        { "a sheet's related part missing", Package(Types(), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml")), Sheet,
            Rels("xl/worksheets/_rels/sheet1.xml.rels", Relationship("rId1", "drawing", "../drawings/drawing1.xml"))) },
        { "shared strings missing", Package(Types(), Root, Workbook(), Rels("xl/_rels/workbook.xml.rels",
            Relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
            Relationship("rId2", "sharedStrings", "sharedStrings.xml")), Sheet) },
        { "date system neither true nor false", Package(Types(), Root, ("xl/workbook.xml",
            $"<workbook xmlns=\"{RawXlsx.Main}\" xmlns:r=\"{OfficeDocument}\"><workbookPr date1904=\"maybe\"/>" +
            "<sheets><sheet name=\"実績\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml")), Sheet) },
        { "markup inside a value", Package(Types(), Root, Workbook(),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml")),
            ("xl/worksheets/sheet1.xml",
                RawXlsx.Sheet(Rows.Replace("<v>5</v>", "<v>5<b/></v>", StringComparison.Ordinal)))) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_package_that_breaks_the_packaging_conventions_is_refused_as_unreadable(string what, byte[] file)
    {
        var submission = Read(file);
        Assert.False(submission.IsAcceptable, what);
        var error = Assert.Single(submission.Problems, p => p.Severity == Severity.Error);
        Assert.Equal("file_unreadable", PipelineJson.Name(error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageJa) || string.IsNullOrWhiteSpace(error.MessageEn), what);
    }

    [Fact]
    public void Parts_are_found_by_absolute_or_relative_targets_in_any_case_with_shared_strings_and_styles()
    {
        var strings = $"<sst xmlns=\"{RawXlsx.Main}\"><si><t>指標</t><t>ID</t></si>" +
            "<si><r><t>I-1-</t></r><r><t>K1</t></r><rPh><t>ヨミ</t></rPh></si><si/></sst>";
        var styles = $"<styleSheet xmlns=\"{RawXlsx.Main}\"><numFmts><numFmt numFmtId=\"170\" formatCode=\"0.0%\"/>" +
            "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/></cellXfs></styleSheet>";
        var sheet = RawXlsx.Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>" +
            "<c r=\"B1\" t=\"inlineStr\"><is><t>年度</t></is></c>" +
            "<c r=\"C1\" t=\"inlineStr\"><is><t>実績値</t></is></c></row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\"><v>2021</v></c>" +
            "<c r=\"C2\" s=\"1\"><v>0.951</v></c></row>");
        var file = Package(Types(), Rels("_rels/.rels", Relationship("r", "officeDocument", "/XL/Workbook.xml")),
            Workbook("<sheet name=\"グラフ\" sheetId=\"2\" r:id=\"rId9\"/>" +
                "<sheet name=\"実績\" sheetId=\"1\" r:id=\"rId1\"/>"),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "./sheets/../worksheets/Sheet1.xml") +
                Relationship("rId9", "chartsheet", "/xl/chartsheets/sheet1.xml") +
                Relationship("rId2", "sharedStrings", "/xl/sharedStrings.xml") +
                Relationship("rId3", "styles", "styles.xml")),
            ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles),
            ("xl/chartsheets/sheet1.xml", $"<chartsheet xmlns=\"{RawXlsx.Main}\"/>"));

        var submission = Read(file, "kenko-fukushi-seisaku");

        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        var observation = Assert.Single(submission.Observations);
        Assert.Equal(("I-1-K1", 2021, "実績"),
            (observation.IndicatorId, observation.FiscalYear.Value, observation.Source.Sheet));
        Assert.Equal(95.1m, observation.Value); // the percent style of the second cellXfs entry
    }

    /// <summary>A package of one sheet whose row 2 is I-1-K2, 2021 (or <paramref name="yearCell"/>) and
    /// <paramref name="valueCell"/> (C2), with a date style (s="1").</summary>
    private static byte[] WithValueCell(string valueCell, string workbookPr = "",
        string yearCell = "<c r=\"B2\"><v>2021</v></c>")
    {
        var styles = $"<styleSheet xmlns=\"{RawXlsx.Main}\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
        var sheet = RawXlsx.Sheet(RawXlsx.Rows(["指標ID", "年度", "実績値"]) +
            $"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>I-1-K2</t></is></c>{yearCell}{valueCell}</row>");
        return Package(Types(), Root,
            ("xl/workbook.xml", $"<workbook xmlns=\"{RawXlsx.Main}\" xmlns:r=\"{OfficeDocument}\">{workbookPr}" +
                "<sheets><sheet name=\"実績\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            Rels("xl/_rels/workbook.xml.rels", Relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
                Relationship("rId3", "styles", "styles.xml")),
            ("xl/worksheets/sheet1.xml", sheet), ("xl/styles.xml", styles));
    }

    [Fact]
    public void A_date_cell_before_the_year_100_is_a_located_problem_of_its_cell()
    {
        // t="d" holds a date as text; one before the year 100 has no serial number (DateTime.ToOADate throws).
        var submission = Read(WithValueCell("<c r=\"C2\" t=\"d\"><v>0024-04-01</v></c>"));

        Assert.False(submission.IsAcceptable);
        var error = Assert.Single(submission.Problems, p => p.Severity == Severity.Error);
        Assert.Equal(("実績", 2, "C"), (error.Sheet, error.Row, error.Column));
        Assert.NotEqual("file_unreadable", PipelineJson.Name(error.Code));
    }

    [Fact]
    public void A_time_without_a_date_in_the_fiscal_year_column_is_refused_where_it_stands_not_read_as_this_year()
    {
        // t="d" with a time alone: parsed as a date it took the day the file was read, so the row's fiscal year was
        // whichever year it was read in. It is the text it holds, which names no fiscal year.
        var submission = Read(WithValueCell("<c r=\"C2\"><v>12</v></c>", yearCell: "<c r=\"B2\" t=\"d\"><v>10:30:00</v></c>"));

        Assert.False(submission.IsAcceptable);
        var error = Assert.Single(submission.Problems, p => p.Severity == Severity.Error);
        Assert.Equal(("実績", 2, "B", "fiscal_year_unrecognised"),
            (error.Sheet, error.Row, error.Column, PipelineJson.Name(error.Code)));
        Assert.Contains("10:30:00", error.MessageJa, StringComparison.Ordinal);
        Assert.Empty(submission.Observations);
    }

    [Fact]
    public void A_date_styled_number_past_9999_in_the_1904_system_is_its_number_as_in_the_1900_system()
    {
        // 2,958,000 is a date (9998-06-10) counted from 1900, and past 9999-12-31 counted from 1904 (DateTime.FromOADate
        // threw); a date-styled number past the last date is read as the number it holds in either system.
        var read1904 = Read(WithValueCell("<c r=\"C2\" s=\"1\"><v>2958000</v></c>", "<workbookPr date1904=\"1\"/>"));
        var past1900 = Read(WithValueCell("<c r=\"C2\" s=\"1\"><v>2958466</v></c>"));

        Assert.True(read1904.IsAcceptable, string.Join("\n", read1904.Problems));
        Assert.True(past1900.IsAcceptable, string.Join("\n", past1900.Problems));
        Assert.Equal((2_958_000m, 2_958_466m), (Assert.Single(read1904.Observations).Value, Assert.Single(past1900.Observations).Value));
    }
}
