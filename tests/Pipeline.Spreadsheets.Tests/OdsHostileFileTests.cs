using System.Diagnostics;
using Pipeline.Testing;
using Xunit.Abstractions;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// Hostile .ods files, generated here like the .xlsx ones of <see cref="HostileFileTests"/>: zip and entity bombs,
/// external entities, deep nesting, and repeats that claim millions of rows or columns. Each gets a report with
/// its located problem; claimed empty repeats cost nothing.
/// </summary>
public sealed class OdsHostileFileTests(ITestOutputHelper output)
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly Department Shakyo = Plan.FindDepartment("shakyo")!;
    private static readonly string[] Header = ["指標ID", "年度", "実績値"];

    private const string Laughs =
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
        "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>";

    private static byte[] Ods(string rowsXml, string prolog = "") => RawOds.Package(RawOds.Content(RawOds.Table("Sheet1", rowsXml), prolog));

    private static string Rows(params string[][] rows) => RawOds.Rows([Header, .. rows]);

    private static string Text(string text) => $"<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>";

    private static string Number(string value, string attributes = "") =>
        $"<table:table-cell office:value-type=\"float\" office:value=\"{value}\"{attributes}><text:p>{value}</text:p></table:table-cell>";

    private static string Row(string cells, string attributes = "") => $"<table:table-row{attributes}>{cells}</table:table-row>";

    private static string EmptyColumns(long count) => $"<table:table-cell table:number-columns-repeated=\"{count}\"/>";

    public static IEnumerable<HostileFileTests.HostileFile> Corpus()
    {
        // Packages and XML that expand or recurse.
        yield return new("zip-bomb.ods", () => RawOds.Bomb(210L * 1024 * 1024), "file_too_large");
        yield return new("billion-laughs.ods", () => Ods(Rows() + Row(Text("&lol9;") + Number("2021") + Number("1")), Laughs), "file_unreadable");
        yield return new("xxe.ods", () => Ods(Rows() + Row(Text("&xxe;") + Number("2021") + Number("1")),
            "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"), "file_unreadable");
        yield return new("deep-nesting-in-cell.ods", () => Ods(Rows() + Row("<table:table-cell office:value-type=\"string\"><text:p>" +
            string.Concat(Enumerable.Repeat("<text:span>", 100_000)) + "I-1-K2" + string.Concat(Enumerable.Repeat("</text:span>", 100_000)) + "</text:p></table:table-cell>")), "file_unreadable");
        yield return new("deep-nesting-in-sheet.ods", () => Ods(string.Concat(Enumerable.Repeat("<x>", 200_000)) + string.Concat(Enumerable.Repeat("</x>", 200_000))), "file_unreadable");
        yield return new("deep-row-groups.ods", () => Ods(string.Concat(Enumerable.Repeat("<table:table-row-group>", 1_000)) + Rows(["I-1-K2", "2021", "1"]) +
            string.Concat(Enumerable.Repeat("</table:table-row-group>", 1_000))), "file_unreadable");

        // Repeats that claim more than the limits, where they hold something.
        yield return new("repeated-cell-beyond-columns.ods", () => Ods(Rows() + Row(Text("I-1-K2") + Number("2021") + Number("1", " table:number-columns-repeated=\"20000\""))), "too_many_columns");
        yield return new("value-after-a-million-empty-columns.ods", () => Ods(Rows() + Row(Text("I-1-K2") + EmptyColumns(1_000_000) + Number("1"))), "too_many_columns");
        yield return new("value-after-int-max-empty-columns.ods", () => Ods(Rows() + Row(Text("I-1-K2") + EmptyColumns(int.MaxValue) + EmptyColumns(long.MaxValue) + Number("1"))), "too_many_columns");
        yield return new("repeated-rows-explosion.ods", () => Ods(Rows() + Row(Text("I-1-K2") + Number("2021") + Number("1"), " table:number-rows-repeated=\"1000000\"")), "too_many_rows");
        yield return new("rows-after-billions-of-empty-rows.ods", () => Ods(Rows() +
            Row(EmptyColumns(1024), $" table:number-rows-repeated=\"{int.MaxValue}\"") + Row(EmptyColumns(1024), $" table:number-rows-repeated=\"{int.MaxValue}\"") +
            Row(Text("I-1-K2") + Number("2021") + Number("1"))), "too_many_rows");
        yield return new("wide-row-repeated-to-the-row-limit.ods", () => Ods(Rows() +
            Row(Number("7", " table:number-columns-repeated=\"16384\""), " table:number-rows-repeated=\"99999\"")), "unknown_indicator");
        yield return new("space-run-explosion.ods", () => Ods(Rows() + Row(Text("I-1-K2<text:s text:c=\"2000000000\"/>") + Number("2021") + Number("1"))), "cell_too_long");
        yield return new("cell-too-long.ods", () => Ods(Rows(["I-1-K2", "2021", new string('x', 40_000)])), "cell_too_long");

        // Broken, disguised or unwelcome packages.
        yield return new("macro-basic-library.ods", () => RawOds.Package(RawOds.Content(RawOds.Table("s", Rows(["I-1-K2", "2021", "1"]))),
            new Dictionary<string, byte[]> { ["Basic/Standard/Module1.xml"] = "<script/>"u8.ToArray() }), "unsupported_format");
        yield return new("empty-content.ods", () => RawOds.Bomb(0), "file_unreadable");
        yield return new("truncated.ods", () => new OdsBuilder().Sheet("s", Header.Cast<object?>().ToArray(), ["I-1-K2", "R3", 1]).Build()[..300], "file_unreadable");
        yield return new("xlsx-named-ods.ods", () => RawXlsx.Package(RawXlsx.Sheet(RawXlsx.Rows(Header, ["I-1-K2", "2021", "1"]))), "file_unreadable");
        yield return new("pdf-named-ods.ods", () => "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"u8.ToArray(), "file_unreadable");
        yield return new("text-document-named-ods.ods", () => RawOds.Package(RawOds.Content(""), mimeType: "application/vnd.oasis.opendocument.text"), "header_not_found");
        yield return new("only-example-sheet.ods", () => new OdsBuilder().Sheet("記入例", Header.Cast<object?>().ToArray(), ["I-1-K2", "R3", 1]).Build(), "header_not_found");

        // Cells.
        yield return new("formula-without-cache.ods", () => Ods(Rows() + Row(Text("I-1-K2") + Number("2021") + "<table:table-cell table:formula=\"of:=SUM([.Z1:.Z9])\"/>")), "formula_without_value");
        yield return new("error-cell.ods", () => Ods(Rows() + Row(Text("I-1-K2") + Number("2021") +
            "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>")), "cell_error");
        yield return new("markup-in-cells.ods", () => Ods(Rows(["<script>alert(1)</script>", "2021", "1"])), "unknown_indicator");
        yield return new("nan-value.ods", () => Ods(Rows() + Row(Text("I-1-K2") + Number("2021") + Number("NaN"))), "value_not_numeric");

        // Files that ask for far more work than their size (issue 23): the .ods ones of the shared corpus.
        foreach (var file in AmplificationFiles.Corpus().Where(f => f.Name.EndsWith(".ods", StringComparison.Ordinal)))
        {
            yield return new(file.Name, file.Content, file.ExpectedCode);
        }
    }

    public static TheoryData<HostileFileTests.HostileFile> Files() => new(Corpus());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_hostile_ods_gets_a_report_with_its_problem(HostileFileTests.HostileFile file)
    {
        var content = file.Content();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var submission = new SubmissionReader(Plan, file.Limits ?? ReadLimits.Default).ReadWhole(new MemoryStream(content), file.Name, Shakyo);
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"{file.Name}: {content.Length:N0} bytes, {watch.ElapsedMilliseconds} ms, {allocated / 1e6:N0} MB allocated, " +
            string.Join(", ", submission.Problems.Take(3)));
        Assert.False(submission.IsAcceptable);
        Assert.Equal(file.ExpectedCode, PipelineJson.Name(submission.Problems.First(p => p.Severity == Severity.Error).Code));
        Assert.All(submission.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.MessageJa + p.MessageEn)));
        // Safety bounds against a file that makes the reader spin or balloon, not performance goals.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{file.Name} took {watch.Elapsed}");
        Assert.True(allocated < HostileFileTests.MaxAllocatedBytes, $"{file.Name} allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Limits_are_reported_where_they_are_broken()
    {
        Problem First(byte[] file) => new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(file), "x.ods", Shakyo).Problems[0];

        var columns = First(Ods(Rows() + Row(Text("I-1-K2") + Number("2021") + Number("1", " table:number-columns-repeated=\"20000\""))));
        Assert.Equal((ProblemCode.TooManyColumns, "Sheet1", 2, "XFE"), (columns.Code, columns.Sheet, columns.Row!.Value, columns.Column!));
        var rows = First(Ods(Rows() + Row(Text("I-1-K2") + Number("2021") + Number("1"), " table:number-rows-repeated=\"1000000\"")));
        Assert.Equal((ProblemCode.TooManyRows, "Sheet1", 100_001), (rows.Code, rows.Sheet, rows.Row!.Value));
        var depth = First(Ods(Rows() + Row("<table:table-cell><text:p>" + string.Concat(Enumerable.Repeat("<text:span>", 100)) + "</text:p></table:table-cell>")));
        Assert.Equal((ProblemCode.FileUnreadable, "Sheet1", 2), (depth.Code, depth.Sheet, depth.Row!.Value));
    }

    [Fact]
    public void A_date_before_the_year_100_is_a_located_problem_of_its_cell()
    {
        // office:date-value parses, but has no serial number (DateTime.ToOADate throws below the year 100).
        var file = Ods(Rows() + Row(Text("I-1-K2") + Number("2021") +
            "<table:table-cell office:value-type=\"date\" office:date-value=\"0024-04-01\"><text:p>0024/4/1</text:p></table:table-cell>"));

        var submission = new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(file), "date.ods", Shakyo);

        Assert.False(submission.IsAcceptable);
        var error = Assert.Single(submission.Problems, p => p.Severity == Severity.Error);
        Assert.Equal(("Sheet1", 2, "C"), (error.Sheet, error.Row, error.Column));
        Assert.NotEqual(ProblemCode.FileUnreadable, error.Code);
    }

    [Fact]
    public void Claimed_millions_of_empty_rows_and_columns_cost_nothing()
    {
        var file = Ods(Row(Text("指標ID") + Text("年度") + Text("実績値") + EmptyColumns(int.MaxValue)) +
            Row(EmptyColumns(1_000_000), " table:number-rows-repeated=\"1000000\"") +
            Row(Text("I-1-K2") + Number("2021") + Number("330") + EmptyColumns(int.MaxValue)) +
            Row(EmptyColumns(16_384), $" table:number-rows-repeated=\"{int.MaxValue - 2_000_000}\""));
        var watch = Stopwatch.StartNew();
        var submission = new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(file), "claims.ods", Shakyo);
        watch.Stop();
        output.WriteLine($"{file.Length:N0} bytes read in {watch.ElapsedMilliseconds} ms");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        var observation = Assert.Single(submission.Observations);
        Assert.Equal((2021, 330m, 1_000_002, 3), (observation.FiscalYear.Value, observation.Value, observation.Source.Row, observation.Source.Column));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Mutated_ods_files_are_refused_with_a_reason_or_read_with_their_own_figures()
    {
        var random = new Random(431001);
        var original = new OdsBuilder()
            .Sheet("記入例", ["指標ID", "年度", "実績値"], ["I-1-K2", "R3", 1])
            .Sheet("実績", ["指標ID", "年度", "実績値"], ["I-1-K2", "R3", 330], ["I-2-K1", "R4", 60])
            .Sheet("区別", ["指標ID", "年度", "中央区", "東区", "西区", "南区", "北区", "合計"],
                ["I-2-K1", "R5", 10, 10, 10, 10, 10, 50]).Build();
        Submission Read(byte[] bytes) =>
            new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(bytes), "mutated.ods", Shakyo);
        var read = Read(original);
        Assert.True(read.IsAcceptable, string.Join("\n", read.Problems));
        Assert.Equal(8, read.ObservationCount); // 330 and 60, and the five wards and the city of R5
        var failures = new List<string>();
        var outcomes = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var mutation = ByteMutation.Apply(random, original, (ByteMutationKind)(i % 3), 512);
            var submission = Read(mutation.Content);
            outcomes.Add($"{mutation.Kind}: " + ByteMutation.Outcome(submission));
            if (mutation.Verdict(read, submission, zipPackage: true) is { } failure)
            {
                failures.Add($"{mutation}: {failure}");
            }
        }

        output.WriteLine(string.Join("\n", outcomes.CountBy(o => o).OrderBy(o => o.Key, StringComparer.Ordinal)));
        Assert.Empty(failures);
        // The seed gives packages read after a change, so the check of their figures ran.
        Assert.Contains(outcomes, o => o is "Overwritten: accepted" or "Duplicated: accepted");
    }
}
