using Pipeline.Testing;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// OpenDocument spreadsheets (.ods) written in memory by <see cref="OdsBuilder"/> the way LibreOffice lays them out
/// (repeated cells and rows, covered cells under merges, paragraphs and <c>text:s</c>): every layout of issue 17 read
/// value by value, the same table written as .xlsx by the Open XML SDK read to the same values and locations, and
/// what only ODF has (percentage, date and formula cells, annotations, ruby, error cells).
/// </summary>
public sealed class OdsLayoutTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly SubmissionReader Reader = new(Plan, ReadLimits.Default);
    private static readonly string City = Plan.WholeCity.Code.Value;

    /// <summary>A layout: the rows of one sheet, its merges, and what a person reads (or the refusal).</summary>
    public sealed record Layout(string Name, string Department, object?[][] Rows, string[] Merges,
        (int Year, string Area, int? Month, decimal Value)[] Values, ProblemCode? Refused = null)
    {
        public override string ToString() => Name;
    }

    private static string Ward(string name) => Plan.Wards.Single(w => w.Name.Ja == name).Code.Value;

    private static readonly int[] AprilOrder = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
    private static readonly int[] Monthly = [10, 12, 9, 11, 14, 8, 10, 13, 7, 9, 12, 15];

    public static TheoryData<Layout> Layouts() => new(
        new Layout("units and line breaks in headings", "seikatsu-jiritsu",
            [["指標  ID", "年　度", "実績値\n（件）"], ["III-1-K1", "令和3年度", 1100], ["III-1-K1", "R4", "1,120件"]], [],
            [(2021, City, null, 1100m), (2022, City, null, 1120m)]),
        new Layout("unit contradicting the indicator", "seikatsu-jiritsu",
            [["指標ID", "年度", "実績(％)"], ["III-1-K1", "R4", 1120]], [], [], ProblemCode.UnitMismatch),
        new Layout("year-suffixed wide headings under a merged title", "seikatsu-jiritsu",
            [["新規相談受付件数の推移"], ["指標ID", "H30実績", "R2実績", "令和3年度実績", "令和５年度（実績）", "2022年度実績値"],
             ["III-1-K1", 900, 1000, 1050, 1150, 1100]], ["A1:F1"],
            [(2018, City, null, 900m), (2020, City, null, 1000m), (2021, City, null, 1050m), (2023, City, null, 1150m), (2022, City, null, 1100m)]),
        new Layout("era in the year heading", "seikatsu-jiritsu",
            [["指標ID", "年度（令和）", "実績値"], ["III-1-K1", 4, 1100], ["III-1-K1", 5, 1150]], [],
            [(2022, City, null, 1100m), (2023, City, null, 1150m)]),
        new Layout("two header rows, group title merged across, heading merged down", "seikatsu-jiritsu",
            [["指標ID", "実績値", null, "目標値", null], [null, "R4", "R5", "R4", "R5"], ["III-1-K1", 1100, 1150, 1200, 1250]],
            ["A1:A2", "B1:C1", "D1:E1"], [(2022, City, null, 1100m), (2023, City, null, 1150m)]),
        new Layout("two header rows that cannot be told apart", "seikatsu-jiritsu",
            [["指標ID", "上期", null, "下期", null], [null, "R4", "R5", "R4", "R5"], ["III-1-K1", 500, 520, 600, 630]], ["B1:C1", "D1:E1"],
            [], ProblemCode.HeaderAmbiguous),
        new Layout("wards as columns, total as the city, a total row skipped", "seikatsu-jiritsu",
            [["指標ID", "年度", "熊本市中央区", "東区", "西区", "南区", "北区", "合計"],
             ["III-1-K1", 2023, 300, 250, 200, 220, 180, 1150], ["合計", null, 300, 250, 200, 220, 180, 1150]], [],
            [(2023, Ward("中央区"), null, 300m), (2023, Ward("東区"), null, 250m), (2023, Ward("西区"), null, 200m),
             (2023, Ward("南区"), null, 220m), (2023, Ward("北区"), null, 180m), (2023, City, null, 1150m)]),
        new Layout("wards as columns with equal neighbours (repeated cells)", "seikatsu-jiritsu",
            [["指標ID", "年度", "中央区", "東区", "西区", "南区", "北区", "計"], ["III-1-K1", "R5", 200, 200, 200, 200, 200, 1000]], [],
            [.. new[] { "中央区", "東区", "西区", "南区", "北区" }.Select(w => (2023, Ward(w), (int?)null, 200m)), (2023, City, null, 1000m)]),
        new Layout("ward total differing from the sum", "seikatsu-jiritsu",
            [["指標ID", "年度", "中央区", "東区", "西区", "南区", "北区", "計"], ["III-1-K1", "R5", 300, 250, 200, 220, 180, 1200]], [],
            [], ProblemCode.TotalMismatch),
        new Layout("months as columns in April order with the year total", "seikatsu-jiritsu",
            [["指標ID", "年度", "区", .. AprilOrder.Select(m => (object?)$"{m}月"), "年計"],
             ["III-1-K1", "令和5年度", "南区", .. Monthly.Cast<object?>(), Monthly.Sum()]], [],
            [.. AprilOrder.Zip(Monthly, (m, v) => (2023, Ward("南区"), (int?)m, (decimal)v))]),
        new Layout("month total differing from the sum", "seikatsu-jiritsu",
            [["指標ID", "年度", .. AprilOrder.Select(m => (object?)$"{m}月"), "合計"], ["III-1-K1", "R5", .. Monthly.Cast<object?>(), Monthly.Sum() + 1]], [],
            [], ProblemCode.TotalMismatch));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Each_layout_written_as_ods_is_read_as_a_person_reads_it_and_as_its_xlsx_twin(Layout layout)
    {
        var ods = Read(Build(new OdsBuilder().Sheet("表", layout.Rows), layout.Merges, (b, m) => b.Merge(m)).Build(), "layout.ods", layout.Department);
        var xlsx = Read(Build(new WorkbookBuilder().Sheet("表", layout.Rows), layout.Merges, (b, m) => b.Merge(m)).Build(), "layout.xlsx", layout.Department);
        if (layout.Refused is { } code)
        {
            Assert.False(ods.IsAcceptable);
            Assert.Equal(code, ods.Problems.First(p => p.Severity == Severity.Error).Code);
        }
        else
        {
            Assert.True(ods.IsAcceptable, string.Join("\n", ods.Problems));
            Assert.Equal(layout.Values.Select(v => ("III-1-K1", v.Year, v.Area, v.Month, v.Value)),
                ods.Observations.Select(o => (o.IndicatorId, o.FiscalYear.Value, o.AreaCode, o.Month, o.Value)));
        }

        Assert.Equal(Located(xlsx), Located(ods));
    }

    [Fact]
    public void Percentage_date_and_formula_cells_read_by_their_values()
    {
        var file = new OdsBuilder().Sheet("成果指標",
            ["指標ID", "年度", "実績値"],
            ["I-1-K1", new DateTime(2022, 6, 1), new Percent(0.951)],
            ["I-1-K1", "R5", new Formula("[.C2]*100+1", 96.1)],
            ["I-1-K1", "R3", new Formula("[.Z9]", null)]).Build();
        var submission = Read(file, "p.ods", "kenko-fukushi-seisaku");
        Assert.Equal([(2022, 95.1m), (2023, 96.1m)], submission.Observations.Select(o => (o.FiscalYear.Value, o.Value)));
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.FormulaWithoutValue, "成果指標", 4, "C"), (problem.Code, problem.Sheet, problem.Row!.Value, problem.Column!));
    }

    [Fact]
    public void Several_sheets_are_read_and_example_and_instruction_sheets_are_not()
    {
        var file = new OdsBuilder()
            .Sheet("説明", ["記入方法"], ["指標ID", "年度", "実績値"], ["III-1-K1", "R1", 1])
            .Sheet("記入例", ["指標ID", "年度", "実績値"], ["III-1-K1", "R2", 2])
            .Sheet("令和4年度", ["指標ID", "年度", "実績値"], ["III-1-K1", "R4", 1100])
            .Sheet("令和5年度", ["指標ID", "年度", "実績値"], ["III-1-K1", "R5", 1150]).Build();
        var submission = Read(file, "s.ods", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal([("令和4年度", 2, 2022, 1100m), ("令和5年度", 2, 2023, 1150m)],
            submission.Observations.Select(o => (o.Source.Sheet, o.Source.Row, o.FiscalYear.Value, o.Value)));
    }

    [Fact]
    public void Cell_text_is_its_paragraphs_spaces_and_line_breaks_without_comments_or_ruby()
    {
        var header = "<table:table-row>" +
            "<table:table-cell office:value-type=\"string\"><office:annotation><dc:creator>係長</dc:creator><text:p>年度 を確認</text:p></office:annotation><text:p>指標<text:s/>ID</text:p></table:table-cell>" +
            "<table:table-cell office:value-type=\"string\"><text:p><text:ruby><text:ruby-base>年度</text:ruby-base><text:ruby-text>ねんど</text:ruby-text></text:ruby></text:p></table:table-cell>" +
            "<table:table-cell office:value-type=\"string\"><text:p>実績値<text:line-break/>（<text:span>件</text:span>）</text:p></table:table-cell>" +
            "<table:table-cell office:value-type=\"string\"><text:p>備考</text:p></table:table-cell></table:table-row>";
        var data = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>III-1-K1</text:p></table:table-cell>" +
            "<table:table-cell office:value-type=\"float\" office:value=\"2023\"><text:p>2,023</text:p></table:table-cell>" +
            "<table:table-cell office:value-type=\"float\" office:value=\"1150\"/>" +
            "<table:table-cell office:value-type=\"string\"><text:p>前年比<text:s text:c=\"2\"/><text:span>増</text:span> <text:span>加</text:span></text:p><text:p>二行目<text:tab/>end</text:p></table:table-cell></table:table-row>";
        var file = RawOds.Package(RawOds.Content(RawOds.Table("実績", header + data)));
        var submission = Read(file, "t.ods", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        var observation = Assert.Single(submission.Observations);
        Assert.Equal((2023, 1150m, "前年比  増 加\n二行目\tend"), (observation.FiscalYear.Value, observation.Value, observation.Note));
    }

    [Fact]
    public void Error_cells_and_booleans_are_not_values()
    {
        var data = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>III-1-K1</text:p></table:table-cell>" +
            "<table:table-cell office:value-type=\"string\"><text:p>R5</text:p></table:table-cell>" +
            "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>";
        var file = RawOds.Package(RawOds.Content(RawOds.Table("s", RawOds.Rows(["指標ID", "年度", "実績値"]) + data)));
        var problem = Assert.Single(Read(file, "e.ods", "seikatsu-jiritsu").Problems);
        Assert.Equal((ProblemCode.CellError, 2, "C"), (problem.Code, problem.Row!.Value, problem.Column!));
    }

    [Fact]
    public void An_ods_saved_under_an_excel_name_is_read_for_what_it_is()
    {
        var file = new OdsBuilder().Sheet("s", ["指標ID", "年度", "実績値"], ["III-1-K1", "R5", 1150]).Build();
        foreach (var name in new[] { "renamed.xlsx", "renamed.xls" })
        {
            var submission = Read(file, name, "seikatsu-jiritsu");
            Assert.True(submission.IsAcceptable, name + ": " + string.Join("\n", submission.Problems));
            Assert.Equal(1150m, Assert.Single(submission.Observations).Value);
        }
    }

    private static T Build<T>(T builder, string[] merges, Func<T, string, T> merge) => merges.Aggregate(builder, merge);

    private static Submission Read(byte[] file, string name, string department) =>
        Reader.ReadWhole(new MemoryStream(file), name, Plan.FindDepartment(department));

    private static List<string> Located(Submission s) =>
        [.. s.Observations.Select(o => $"{o.IndicatorId} {o.FiscalYear.Value} {o.AreaCode} {o.Month} {o.Value} {o.Source.Sheet}!{o.Source.Row}:{o.Source.Column}"),
         .. s.Problems.Select(p => $"{p.Code} {p.Severity} {p.Sheet}!{p.Row}:{p.Column}")];
}
