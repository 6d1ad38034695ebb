using System.Diagnostics;
using System.Text;
using Pipeline.Testing;
using Xunit.Abstractions;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// Broken and hostile files, generated here: every one gets a report with a located problem, never an
/// unhandled exception, and limits are enforced while the file streams.
/// </summary>
public sealed class HostileFileTests(ITestOutputHelper output)
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly Department Shakyo = Plan.FindDepartment("shakyo")!;
    private static readonly string[] Header = ["指標ID", "年度", "実績値"];

    static HostileFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record HostileFile(string Name, Func<byte[]> Content, string ExpectedCode, ReadLimits? Limits = null)
    {
        public override string ToString() => Name;
    }

    private static string Row(string id, string fy, string value) => RawXlsx.Rows(Header, [id, fy, value]);

    private static byte[] Xlsx(string rows, string prolog = "") => RawXlsx.Package(RawXlsx.Sheet(rows, prolog));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Sample(string relative) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot.Find(), "samples", "submissions", relative));

    private static readonly string Laughs =
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
        "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>";

    public static IEnumerable<HostileFile> Corpus()
    {
        // Packages that expand or recurse.
        yield return new("zip-bomb.xlsx", () => RawXlsx.Bomb(210L * 1024 * 1024), "file_too_large");
        yield return new("billion-laughs-sheet.xlsx", () => Xlsx(RawXlsx.Rows(Header, ["&lol9;", "2021", "1"]).Replace("&amp;lol9;", "&lol9;", StringComparison.Ordinal), Laughs), "file_unreadable");
        yield return new("xxe-sheet.xlsx", () => Xlsx(Row("&xxe;", "2021", "1").Replace("&amp;xxe;", "&xxe;", StringComparison.Ordinal), "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"), "file_unreadable");
        yield return new("xxe-shared-strings.xlsx", () => RawXlsx.Package(RawXlsx.Sheet(Row("I-1-K2", "2021", "1")),
            $"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"{RawXlsx.Main}\"><si><t>&xxe;</t></si></sst>"), "file_unreadable");
        yield return new("dtd-workbook.xlsx", () => RawXlsx.Package(RawXlsx.Sheet(Row("I-1-K2", "2021", "1")), workbookXml:
            $"<?xml version=\"1.0\"?>{Laughs}<workbook xmlns=\"{RawXlsx.Main}\"><sheets/></workbook>"), "file_unreadable");
        yield return new("deep-nesting-in-cell.xlsx", () => Xlsx(RawXlsx.Rows(Header) +
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</is></c></row>"), "no_values");
        yield return new("deep-nesting-in-sheet.xlsx", () => Xlsx(string.Concat(Enumerable.Repeat("<x>", 200_000)) + string.Concat(Enumerable.Repeat("</x>", 200_000))), "header_not_found");
        yield return new("huge-shared-strings.xlsx", () => RawXlsx.Package(RawXlsx.Sheet(Row("I-1-K2", "2021", "1")),
            $"<?xml version=\"1.0\"?><sst xmlns=\"{RawXlsx.Main}\">" + string.Concat(Enumerable.Repeat($"<si><t>{new string('あ', 4000)}</t></si>", 4_100)) + "</sst>"), "file_too_large");
        yield return new("too-many-rows.xlsx", () => Xlsx(RawXlsx.Rows(Header) + string.Concat(Enumerable.Range(2, 100_001).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c></row>"))), "too_many_rows");
        yield return new("column-beyond-xfd.xlsx", () => Xlsx(RawXlsx.Rows(Header) + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>"), "too_many_columns");
        yield return new("garbage-cell-reference.xlsx", () => Xlsx(RawXlsx.Rows(Header) + "<row r=\"2\"><c r=\"AAAAAAAAAAAA2\"><v>1</v></c></row>"), "too_many_columns");
        yield return new("cell-too-long.xlsx", () => Xlsx(Row("I-1-K2", "2021", new string('x', 40_000))), "cell_too_long");
        yield return new("shared-string-out-of-range.xlsx", () => Xlsx(RawXlsx.Rows(Header) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>"), "file_unreadable");
        yield return new("truncated.xlsx", () => new WorkbookBuilder().Sheet("Sheet1", Header.Cast<object?>().ToArray()).Build()[..600], "file_unreadable");
        yield return new("no-workbook-part.xlsx", () => RawXlsx.Bomb(1024), "file_unreadable");
        yield return new("macro-vba-project.xlsx", () => RawXlsx.Package(RawXlsx.Sheet(Row("I-1-K2", "2021", "1")), extraParts: new Dictionary<string, byte[]> { ["xl/vbaProject.bin"] = [1, 2, 3] }), "unsupported_format");
        yield return new("macro-enabled.xlsm", () => Xlsx(Row("I-1-K2", "2021", "1")), "unsupported_format");
        yield return new("macro-content-type.xlsx", () => RawXlsx.Package(RawXlsx.Sheet(Row("I-1-K2", "2021", "1")),
            workbookContentType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml"), "unsupported_format");
        yield return new("template-content-type.xlsx", () => RawXlsx.Package(RawXlsx.Sheet(Row("I-1-K2", "2021", "1")),
            workbookContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"), "unsupported_format");
        yield return new("formula-without-cache.xlsx", () => Xlsx(RawXlsx.Rows(Header) + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>I-1-K2</t></is></c><c r=\"B2\"><v>2021</v></c><c r=\"C2\"><f>SUM(Z1:Z9)</f></c></row>"), "formula_without_value");
        yield return new("error-cell.xlsx", () => Xlsx(RawXlsx.Rows(Header) + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>I-1-K2</t></is></c><c r=\"B2\"><v>2021</v></c><c r=\"C2\" t=\"e\"><v>#DIV/0!</v></c></row>"), "cell_error");
        yield return new("markup-in-cells.xlsx", () => Xlsx(Row("<script>alert(1)</script>", "2021", "1")), "unknown_indicator");
        yield return new("huge-number.xlsx", () => Xlsx(Row("I-1-K2", "2021", "1e300")), "value_not_numeric");
        yield return new("nan-text.xlsx", () => Xlsx(Row("I-1-K2", "2021", "NaN")), "value_not_numeric");
        yield return new("absurd-year.xlsx", () => Xlsx(Row("I-1-K2", "1e308", "1")), "fiscal_year_unrecognised");
        yield return new("only-example-sheet.xlsx", () => new WorkbookBuilder().Sheet("記入例", Header.Cast<object?>().ToArray(), ["I-1-K2", "R3", 1]).Build(), "header_not_found");
        yield return new("only-a-header.xlsx", () => Xlsx(RawXlsx.Rows(Header)), "no_values");

        // .xls
        yield return new("corrupt-compound.xls", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))], "file_unreadable");
        yield return new("truncated-sample.xls", () => Sample("kenko-fukushi-seisaku/成果指標_取組評価_R2-R5.xls")[..5000], "file_unreadable");
        yield return new("garbage.xls", () => Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 + 7)).ToArray(), "file_unreadable");
        yield return new("xlsx-named-xls.xls", () => Xlsx(Row("I-1-K2", "2021", "abc")), "value_not_numeric");

        // .csv
        yield return new("sixty-megabyte-line.csv", () => Utf8("指標ID,年度,実績値\nI-1-K2,2021," + new string('9', 60 * 1024 * 1024) + "\n"), "file_unreadable",
            ReadLimits.Default with { MaxFileBytes = 100L * 1024 * 1024 });
        yield return new("unclosed-quote.csv", () => Utf8("指標ID,年度,実績値\n\"I-1-K2,2021,1\n" + string.Concat(Enumerable.Repeat("I-1-K2,2021,1\n", 400_000))), "file_unreadable",
            ReadLimits.Default with { MaxFileBytes = 100L * 1024 * 1024 });
        yield return new("over-twenty-megabytes.csv", () => Utf8("指標ID,年度,実績値\n" + string.Concat(Enumerable.Repeat("I-1-K2,2021,1\n", 1_600_000))), "file_too_large");
        yield return new("binary-garbage.csv", () => Enumerable.Range(0, 5000).Select(i => (byte)((i * 131) % 256)).ToArray(), "header_not_found");
        yield return new("nul-bytes.csv", () => new byte[4096], "header_not_found");
        yield return new("too-many-columns.csv", () => Utf8("指標ID,年度,実績値" + new string(',', 20_000) + "\n"), "too_many_columns");
        yield return new("too-many-rows.csv", () => Utf8("指標ID,年度,実績値\n" + string.Concat(Enumerable.Repeat("I-1-K2,2021,1\n", 100_001))), "too_many_rows");
        yield return new("control-characters.csv", () => Utf8("指標ID,年度,実績値\nI-1-K2\u0001\u0007,2021,1\n"), "unknown_indicator");
        yield return new("empty.csv", () => [], "file_unreadable");
        yield return new("zip-named-csv.csv", () => Xlsx(Row("I-1-K2", "2021", "1")), "file_unreadable");
        yield return new("pdf-named-xlsx.xlsx", () => Utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "file_unreadable");
        yield return new("executable.exe", () => [0x4D, 0x5A, 0x90, 0x00], "unsupported_format");
        yield return new("cell-too-long.csv", () => Utf8("指標ID,年度,実績値\nI-1-K2,2021," + new string('1', 40_000) + "\n"), "cell_too_long");

        // Files that ask for far more work than their size (issue 23): the .xlsx and .csv ones of the shared corpus.
        foreach (var file in AmplificationFiles.Corpus().Where(f => !f.Name.EndsWith(".ods", StringComparison.Ordinal)))
        {
            yield return new(file.Name, file.Content, file.ExpectedCode);
        }
    }

    public static TheoryData<HostileFile> Files() => new(Corpus());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_hostile_file_gets_a_report_with_its_problem(HostileFile file)
    {
        var content = file.Content();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var submission = new SubmissionReader(Plan, file.Limits ?? ReadLimits.Default).ReadWhole(new MemoryStream(content), file.Name, Shakyo);
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"{file.Name}: {content.Length:N0} bytes, {watch.ElapsedMilliseconds} ms, {allocated / 1e6:N0} MB allocated");
        Assert.False(submission.IsAcceptable);
        Assert.Contains(submission.Problems, p => p.Severity == Severity.Error && PipelineJson.Name(p.Code) == file.ExpectedCode);
        Assert.All(submission.Problems, p =>
            Assert.False(string.IsNullOrWhiteSpace(p.MessageJa) || string.IsNullOrWhiteSpace(p.MessageEn), $"{p}"));
        // Safety bounds against a file that makes the reader spin or balloon, not performance goals
        // (docs/reliability.md records what each file costs).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{file.Name} took {watch.Elapsed}");
        Assert.True(allocated < MaxAllocatedBytes, $"{file.Name} allocated {allocated:N0} bytes");
    }

    /// <summary>What reading one hostile file may allocate: a safety bound, far above what any of them needs.</summary>
    public const long MaxAllocatedBytes = 1L << 30;

    /// <summary>
    /// The refusals each format's hostile files must meet (with <see cref="OdsHostileFileTests"/>), written from the
    /// reader's limits and checks: size, work, package and XML, rows, columns, cells, header, formulas and values.
    /// </summary>
    private static readonly string[] Coverage =
    [
        ".csv: cell_too_long file_too_large file_unreadable fiscal_year_unrecognised header_not_found " +
            "too_many_columns too_many_rows unknown_indicator",
        ".exe: unsupported_format",
        ".ods: cell_error cell_too_long file_too_complex file_too_large file_unreadable formula_without_value " +
            "header_not_found too_many_columns too_many_rows unknown_indicator unsupported_format value_not_numeric",
        ".xls: file_unreadable value_not_numeric",
        ".xlsm: unsupported_format",
        ".xlsx: cell_error cell_too_long file_too_complex file_too_large file_unreadable fiscal_year_unrecognised " +
            "formula_without_value header_not_found no_values too_many_columns too_many_rows unknown_indicator " +
            "unsupported_format value_not_numeric",
    ];

    [Fact]
    public void The_corpora_meet_every_refusal_of_the_reader_in_every_format()
    {
        var corpus = Corpus().Concat(OdsHostileFileTests.Corpus()).ToList();
        Assert.Empty(corpus.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        var met = corpus.GroupBy(f => Path.GetExtension(f.Name), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: " +
                string.Join(" ", g.Select(f => f.ExpectedCode).Distinct().Order(StringComparer.Ordinal)));
        output.WriteLine(string.Join("\n", met));
        Assert.Equal(string.Join("\n", Coverage), string.Join("\n", met));
    }

    [Fact]
    public void Reports_never_echo_markup_raw()
    {
        var submission = new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(Xlsx(Row("<img src=x onerror=alert(1)>", "2021", "1"))), "x.xlsx", Shakyo);
        var report = new UploadReport("1.1", Plan.Id.Value, "shakyo", "shakyo/x.xlsx", "shakyo/x.xlsx".Split('/')[^1], null, null, default, default, UploadStatus.Rejected,
            new ReportCounts(1, 0, 0, 0, 1, 0), null, submission.Problems.Select(ReportProblem.From).ToArray());
        var json = Encoding.UTF8.GetString(report.ToJson());
        Assert.DoesNotContain("<img", json, StringComparison.Ordinal);
        Assert.Contains("\\u003Cimg", json, StringComparison.Ordinal);
        Assert.Contains("成果指標ではありません", json, StringComparison.Ordinal); // Japanese stays readable
    }

    [Fact]
    public void Phonetic_guides_in_shared_strings_are_not_read_as_text()
    {
        var sst = $"<?xml version=\"1.0\"?><sst xmlns=\"{RawXlsx.Main}\"><si><t>指標ID</t><rPh sb=\"0\" eb=\"2\"><t>シヒョウ</t></rPh></si></sst>";
        var sheet = RawXlsx.Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>年度</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>実績値</t></is></c></row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>I-1-K2</t><rPh><t>ヨミ</t></rPh></is></c><c r=\"B2\"><v>2021</v></c><c r=\"C2\"><v>5</v></c></row>");
        var submission = new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(new MemoryStream(RawXlsx.Package(sheet, sst)), "p.xlsx", Shakyo);
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(5m, Assert.Single(submission.Observations).Value);
    }

    [Fact]
    public void Mutated_valid_files_are_refused_with_a_reason_or_read_with_their_own_figures()
    {
        var random = new Random(431001);
        var samples = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "samples", "submissions"), "*",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Submission Read(byte[] bytes, string path) => new SubmissionReader(Plan, ReadLimits.Default).ReadWhole(
            new MemoryStream(bytes), Path.GetFileName(path),
            Plan.FindDepartment(Path.GetFileName(Path.GetDirectoryName(path))!));
        var originals = samples.ToDictionary(p => p, p => Read(File.ReadAllBytes(p), p));
        Assert.All(originals.Values, o => Assert.True(o.IsAcceptable && o.ObservationCount > 0, o.FileName));
        var failures = new List<string>();
        var outcomes = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var path = samples[i % samples.Length];
            var mutation = ByteMutation.Apply(random, File.ReadAllBytes(path), (ByteMutationKind)random.Next(3), 4096);
            var submission = Read(mutation.Content, path);
            var zipPackage = Path.GetExtension(path) == ".xlsx";
            outcomes.Add($"{(zipPackage ? "package" : "other")} {mutation.Kind}: " + ByteMutation.Outcome(submission));
            if (mutation.Verdict(originals[path], submission, zipPackage) is { } failure)
            {
                failures.Add($"{Path.GetFileName(path)}, {mutation}: {failure}");
            }
        }

        output.WriteLine(string.Join("\n", outcomes.CountBy(o => o).OrderBy(o => o.Key, StringComparer.Ordinal)));
        Assert.Empty(failures);
        // The seed gives cut packages and packages read after a change, so both checks of the verdict ran.
        Assert.Contains("package Cut: file_unreadable", outcomes);
        Assert.Contains(outcomes, o => o.StartsWith("package Overwritten: accepted", StringComparison.Ordinal)
            || o.StartsWith("package Duplicated: accepted", StringComparison.Ordinal));
    }
}
