using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// Small files that ask for a lot of work: a few kilobytes whose cells, once shared strings are looked up and
/// repeats expanded, hold millions of characters; headings of tens of thousands of brackets; one row claiming the
/// same cell millions of times; one sheet part read under a thousand sheet names. Shared by the hostile-file tests
/// and the amplification benchmark (<c>tests/Pipeline.Benchmarks</c>, verb <c>amplification</c>), which records
/// what each costs.
/// </summary>
public static class AmplificationFiles
{
    /// <summary>One file of the corpus: its name (the extension picks the reader), content and expected first error.</summary>
    public sealed record AmplificationFile(string Name, Func<byte[]> Content, string ExpectedCode)
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>A run of opening brackets, the worst case of a lazy <c>^(.+?)\(</c> pattern.</summary>
    public static string Brackets(int count) => new('(', count);

    /// <summary><c>R(R(R(…)))</c> nested <paramref name="depth"/> deep, the worst case of a recursive paired-year rule.</summary>
    public static string Nested(int depth) => string.Concat(Enumerable.Repeat("R(", depth)) + "R" + new string(')', depth);

    /// <summary>The corpus.</summary>
    public static IEnumerable<AmplificationFile> Corpus()
    {
        // Shared strings: one long string referenced by every cell of the header search rows.
        yield return new("shared-string-brackets.xlsx", () => SharedStringRows(Brackets(32_000), rows: 1, columns: 200), "file_too_complex");
        yield return new("shared-string-brackets-two-rows.xlsx", () => SharedStringRows(Brackets(32_000), rows: 2, columns: 100), "file_too_complex");
        yield return new("shared-string-long-headings.xlsx", () => SharedStringRows(new string('あ', 32_767), rows: 30, columns: 16_384), "file_too_complex");

        // Repeats: one .ods cell stands for many.
        yield return new("repeated-brackets.ods", () => RepeatedCell(Brackets(32_000), rows: 2, columns: 50), "file_too_complex");
        yield return new("wide-row-repeated-without-header.ods", () => RawOds.Package(RawOds.Content(RawOds.Table("Sheet1",
            "<table:table-row table:number-rows-repeated=\"99999\"><table:table-cell " +
            "office:value-type=\"float\" office:value=\"7\" table:number-columns-repeated=\"16384\"><text:p>7</text:p>" +
            "</table:table-cell></table:table-row>"))), "file_too_complex");
        yield return new("repeated-long-headings.ods", () => RepeatedCell(new string('見', 10_000), rows: 30, columns: 16_384), "file_too_complex");

        // Text that is really in the file: long bracket runs and deep nesting cost their length, no more.
        yield return new("bracket-headings.csv", () => Csv(string.Join(",", Enumerable.Repeat(Brackets(32_000), 8)) + "\n"), "header_not_found");
        yield return new("deep-bracket-headings.csv", () => Csv(string.Join(",", Enumerable.Range(0, 4).Select(i => Nested(8_000 + i))) + "\n"), "header_not_found");
        yield return new("deep-bracket-fiscal-years.csv", () => Csv("指標ID,年度,実績値\n" +
            string.Concat(Enumerable.Range(0, 12).Select(i => $"I-1-K2,{Nested(8_000 + i)},1\n"))), "fiscal_year_unrecognised");

        // One row that names the same cell six million times (778 KB).
        yield return new("same-cell-six-million-times.xlsx", () => SameCell(6_000_000), "file_unreadable");

        // A header 16,384 columns wide that every data row is looked up in.
        yield return new("wide-header-many-rows.xlsx", WideHeader, "file_too_complex");

        // Many sheets: a thousand sheet names all pointing at one sheet part of long shared strings, or as many parts.
        yield return new("many-sheets-one-part.xlsx", () => ManySheets(1_000), "file_unreadable");
        yield return new("many-sheets.xlsx", () => RawXlsx.Workbook(Enumerable.Repeat(HeaderSearchSheet(), 1_000).ToList(),
            SharedStrings(new string('字', 1_000))), "file_too_complex");
    }

    /// <summary>A sheet whose <paramref name="rows"/> × <paramref name="columns"/> cells all show one shared string.</summary>
    public static byte[] SharedStringRows(string text, int rows, int columns)
    {
        var row = Repeat("<c t=\"s\"><v>0</v></c>", columns);
        var xml = string.Concat(Enumerable.Range(1, rows).Select(r => $"<row r=\"{r}\">{row}</row>"));
        return RawXlsx.Package(RawXlsx.Sheet(xml), SharedStrings(text));
    }

    /// <summary>An .ods whose one text cell is repeated over <paramref name="columns"/> columns and <paramref name="rows"/> rows.</summary>
    public static byte[] RepeatedCell(string text, int rows, int columns) => RawOds.Package(RawOds.Content(RawOds.Table("Sheet1",
        $"<table:table-row table:number-rows-repeated=\"{rows}\"><table:table-cell office:value-type=\"string\" " +
        $"table:number-columns-repeated=\"{columns}\"><text:p>{text}</text:p></table:table-cell></table:table-row>")));

    /// <summary>年度, 実績値 and 16,382 × 指標ID over 99,998 rows of three cells (shared strings 0–3).</summary>
    public static byte[] WideHeader() => RawXlsx.Package(writer =>
    {
        writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{RawXlsx.Main}\"><sheetData>");
        writer.Write("<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>");
        for (var i = 0; i < 16_382; i++)
        {
            writer.Write("<c t=\"s\"><v>2</v></c>");
        }

        writer.Write("</row>");
        for (var r = 2; r <= 99_999; r++)
        {
            writer.Write($"<row r=\"{r}\"><c><v>2021</v></c><c><v>1</v></c><c t=\"s\"><v>3</v></c></row>");
        }

        writer.Write("</sheetData></worksheet>");
    }, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{RawXlsx.Main}\"><si><t>年度</t></si><si><t>実績値</t></si>" +
        "<si><t>指標ID</t></si><si><t>I-1-K2</t></si></sst>");

    /// <summary>A workbook of <paramref name="sheets"/> sheet names that all refer to the same sheet part.</summary>
    public static byte[] ManySheets(int sheets)
    {
        var names = string.Concat(Enumerable.Range(1, sheets).Select(i => $"<sheet name=\"S{i}\" sheetId=\"{i}\" r:id=\"rId1\"/>"));
        var workbook = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{RawXlsx.Main}\" " +
            $"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{names}</sheets></workbook>";
        return RawXlsx.Package(HeaderSearchSheet(), SharedStrings("見出しではない"), workbook);
    }

    /// <summary>A sheet of 30 rows × 50 cells, all the first shared string: the rows a header is looked for in.</summary>
    private static string HeaderSearchSheet()
    {
        var row = Repeat("<c t=\"s\"><v>0</v></c>", 50);
        return RawXlsx.Sheet(string.Concat(Enumerable.Range(1, 30).Select(r => $"<row r=\"{r}\">{row}</row>")));
    }

    /// <summary>One row whose cell A1 is given <paramref name="times"/> times, written as the zip streams.</summary>
    public static byte[] SameCell(int times) => RawXlsx.Package(writer =>
    {
        writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{RawXlsx.Main}\"><sheetData><row r=\"1\">");
        for (var i = 0; i < times; i++)
        {
            writer.Write("<c r=\"A1\"><v>1</v></c>");
        }

        writer.Write("</row></sheetData></worksheet>");
    });

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string SharedStrings(string text) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{RawXlsx.Main}\"><si><t>{text}</t></si></sst>";

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);
}
