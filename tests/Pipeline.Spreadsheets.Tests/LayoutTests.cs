using System.Text;
using Pipeline.Testing;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The everyday layouts of municipal spreadsheets (issue 17), written with the Open XML SDK (another writer than
/// our reader) and read value by value; the same layouts written by openpyxl are in <see cref="LayoutSampleTests"/>.
/// </summary>
public sealed class LayoutTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly SubmissionReader Reader = new(Plan, ReadLimits.Default);
    private static readonly string City = Plan.WholeCity.Code.Value;

    static LayoutTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Submission Read(byte[] file, string name, string department) =>
        Reader.ReadWhole(new MemoryStream(file), name, Plan.FindDepartment(department));

    private static string Ward(string name) => Plan.Wards.Single(w => w.Name.Ja == name).Code.Value;

    private static string Problems(Submission s) => string.Join("\n", s.Problems);

    [Fact]
    public void Headings_with_units_line_breaks_and_full_width_brackets()
    {
        var file = new WorkbookBuilder().Sheet("実績",
            ["指標 ID", "年　度", "実績値\n（件）"],
            ["III-1-K1", "R3", 1100],
            ["III-1-K1", "R4", "1,120件"]).Build();
        var submission = Read(file, "u.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal([(2021, 1100m), (2022, 1120m)], submission.Observations.Select(o => (o.FiscalYear.Value, o.Value)));

        var people = Read(new WorkbookBuilder().Sheet("s", ["指標ID", "年度", "実績(人)"], ["I-1-K2", 2022, 330]).Build(), "p.xlsx", "shakyo");
        Assert.True(people.IsAcceptable, Problems(people));
        Assert.Equal(330m, Assert.Single(people.Observations).Value);
    }

    [Fact]
    public void A_unit_in_the_heading_that_contradicts_the_indicator_is_refused()
    {
        var file = new WorkbookBuilder().Sheet("実績", ["指標ID", "年度", "実績値（％）"], ["III-1-K1", "R3", 1100], ["III-1-K1", "R4", 1200]).Build();
        var submission = Read(file, "u.xlsx", "seikatsu-jiritsu");
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.UnitMismatch, Severity.Error, 2, "C"), (problem.Code, problem.Severity, problem.Row, problem.Column));
        Assert.Contains("件", problem.MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void Year_suffixed_wide_headings()
    {
        var file = new WorkbookBuilder().Sheet("推移",
            ["指標ID", "H30実績", "R2実績", "令和3年度実績", "令和４年度（実績）", "2023年度実績値"],
            ["III-1-K1", 900, 1000, 1050, 1100, 1150]).Build();
        var submission = Read(file, "y.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal([(2018, 900m), (2020, 1000m), (2021, 1050m), (2022, 1100m), (2023, 1150m)],
            submission.Observations.Select(o => (o.FiscalYear.Value, o.Value)));
    }

    [Fact]
    public void An_era_in_the_fiscal_year_heading_makes_bare_numbers_era_years()
    {
        var file = new WorkbookBuilder().Sheet("s", ["指標ID", "年度（令和）", "実績値"], ["III-1-K1", 5, 1150], ["III-1-K1", "４", 1100]).Build();
        var submission = Read(file, "e.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal([(2023, 1150m), (2022, 1100m)], submission.Observations.Select(o => (o.FiscalYear.Value, o.Value)));
    }

    [Fact]
    public void Two_header_rows_with_a_merged_group_title_and_headings_merged_down()
    {
        var file = new WorkbookBuilder().Sheet("s",
                ["生活自立支援センター 実績"],
                ["指標ID", "実績値（件）", null, "目標値", null],
                [null, "R4", "R5", "R4", "R5"],
                ["III-1-K1", 1100, 1150, 1200, 1250])
            .Merge("A1:E1").Merge("A2:A3").Merge("B2:C2").Merge("D2:E2").Build();
        var submission = Read(file, "m.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal([(2022, 1100m, 4, 2), (2023, 1150m, 4, 3)],
            submission.Observations.Select(o => (o.FiscalYear.Value, o.Value, o.Source.Row, o.Source.Column)));
    }

    [Fact]
    public void Two_header_rows_whose_columns_cannot_be_told_apart_are_refused()
    {
        var file = new WorkbookBuilder().Sheet("s",
                ["指標ID", "前期", null, "後期", null],
                [null, "R4", "R5", "R4", "R5"],
                ["III-1-K1", 500, 520, 600, 630]).Build();
        var submission = Read(file, "a.xlsx", "seikatsu-jiritsu");
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.HeaderAmbiguous, "s", 2), (problem.Code, problem.Sheet, problem.Row));
        Assert.Contains("B, C, D, E", problem.MessageEn, StringComparison.Ordinal);
        Assert.Empty(submission.Observations);
    }

    [Fact]
    public void Wards_as_columns_with_the_total_as_the_whole_city()
    {
        var file = new WorkbookBuilder().Sheet("区別",
            ["指標ID", "年度", "中央区", "熊本市東区", "西区", "南区", "北区", "市計"],
            ["III-1-K1", "R5", 300, 250, 200, 220, 180, 1150]).Build();
        var submission = Read(file, "w.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal(
            [(Ward("中央区"), 300m), (Ward("東区"), 250m), (Ward("西区"), 200m), (Ward("南区"), 220m), (Ward("北区"), 180m), (City, 1150m)],
            submission.Observations.Select(o => (o.AreaCode, o.Value)));
        Assert.All(submission.Observations, o => Assert.Equal((2023, (int?)null), (o.FiscalYear.Value, o.Month)));
    }

    [Fact]
    public void A_ward_total_that_differs_from_the_ward_sum_is_refused()
    {
        var file = new WorkbookBuilder().Sheet("区別",
            ["指標ID", "年度", "中央区", "東区", "西区", "南区", "北区", "合計"],
            ["III-1-K1", "R5", 300, 250, 200, 220, 180, 1200]).Build();
        var submission = Read(file, "w.xlsx", "seikatsu-jiritsu");
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.TotalMismatch, 2, "H"), (problem.Code, problem.Row, problem.Column));
        Assert.Contains("1150", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_as_columns_with_the_year_total_checked_and_never_stored()
    {
        object?[] header = ["指標ID", "年度", "区", .. Enumerable.Range(0, 12).Select(i => (object?)$"{(i + 3) % 12 + 1}月"), "年計"];
        object?[] row = ["III-1-K1", "令和5年度", "中央区", .. Enumerable.Range(1, 12).Select(i => (object?)(i * 2)), 156];
        var submission = Read(new WorkbookBuilder().Sheet("月別", header, row).Build(), "m.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => ((int?)((i + 2) % 12 + 1), (decimal)(i * 2))),
            submission.Observations.Select(o => (o.Month, o.Value)));
        Assert.All(submission.Observations, o => Assert.Equal((Ward("中央区"), 2023), (o.AreaCode, o.FiscalYear.Value)));

        object?[] wrong = ["III-1-K1", "令和5年度", "中央区", .. Enumerable.Range(1, 12).Select(i => (object?)(i * 2)), 150];
        var refused = Read(new WorkbookBuilder().Sheet("月別", header, wrong).Build(), "m.xlsx", "seikatsu-jiritsu");
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((ProblemCode.TotalMismatch, "P"), (problem.Code, problem.Column));
    }

    [Fact]
    public void Total_and_subtotal_rows_are_skipped_with_a_warning()
    {
        var file = new WorkbookBuilder().Sheet("s",
            ["区分", "指標ID", "年度", "実績値"],
            [null, "III-1-K1", "R4", 1100],
            ["小計", null, null, 1100],
            [null, "合計", "R4", 1100]).Build();
        var submission = Read(file, "t.xlsx", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, Problems(submission));
        Assert.Equal(1100m, Assert.Single(submission.Observations).Value);
        Assert.Equal([(ProblemCode.TotalRowSkipped, Severity.Warning, 3, "A"), (ProblemCode.TotalRowSkipped, Severity.Warning, 4, "B")],
            submission.Problems.Select(p => (p.Code, p.Severity, p.Row!.Value, p.Column!)));
    }

    [Fact]
    public void Header_not_found_names_the_likeliest_rows_headings_and_the_nearest_accepted_one()
    {
        var file = new WorkbookBuilder().Sheet("報告", ["令和5年度 報告"], ["指標ID", "年度", "実績数", "メモ欄"], ["III-1-K1", "R5", 1150, null]).Build();
        var submission = Read(file, "h.xlsx", "seikatsu-jiritsu");
        var problem = Assert.Single(submission.Problems);
        Assert.True(problem.MessageJa.Contains("実績数", StringComparison.Ordinal), problem.MessageJa);
        Assert.Equal((ProblemCode.HeaderNotFound, "報告", 2), (problem.Code, problem.Sheet, problem.Row));
        Assert.Contains("C「実績数」（近い見出し: 実績値）", problem.MessageJa, StringComparison.Ordinal);
        Assert.Contains("C '実績数' (nearest accepted heading: 実績値)", problem.MessageEn, StringComparison.Ordinal);
        Assert.Contains("D「メモ欄」", problem.MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_not_found_names_an_all_text_row_above_a_data_row_with_one_text_cell()
    {
        // Issue 23 item 11: row 2 (a name and a number) was named as the likeliest header, and 項目 and 数値 never.
        var submission = Read(Encoding.UTF8.GetBytes("項目,数値\n相談件数,1150\n"), "h.csv", "seikatsu-jiritsu");
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.HeaderNotFound, 1), (problem.Code, problem.Row));
        Assert.Contains("1 行目で読み取れなかった見出し: A「項目」", problem.MessageJa, StringComparison.Ordinal);
        Assert.Contains("B「数値」", problem.MessageJa, StringComparison.Ordinal);
        Assert.Contains("On row 1, the likeliest header, these headings were not understood: A '項目'", problem.MessageEn,
            StringComparison.Ordinal);
        Assert.Contains("B '数値'", problem.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain("相談件数", problem.MessageJa, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> TextExports() => new()
    {
        { "utf-16", "UTF-16 with BOM, tab-separated (Excel's Unicode text)" },
        { "cp932", "Shift_JIS, tab-separated" },
        { "utf-8", "UTF-8, tab-separated" },
    };

    [Theory]
    [MemberData(nameof(TextExports))]
    public void Text_exports_are_read_with_their_separator_detected(string encodingName, string description)
    {
        var text = "指標ID\t年度\t実績値\t備考\nIII-1-K1\t令和4年度\t1,100\t\"a, b\"\nIII-1-K1\tR5\t1150\t\n";
        var bytes = encodingName switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "cp932" => Encoding.GetEncoding(932).GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
        var submission = Read(bytes, "export.csv", "seikatsu-jiritsu");
        Assert.True(submission.IsAcceptable, description + ": " + Problems(submission));
        Assert.Equal([(2022, 1100m, "a, b"), (2023, 1150m, null)], submission.Observations.Select(o => (o.FiscalYear.Value, o.Value, o.Note)));
    }

    [Theory]
    [InlineData("export.tsv")]
    [InlineData("export.txt")]
    [InlineData("EXPORT.TXT")]
    public void Tab_separated_files_named_tsv_or_txt_are_read_as_text_exports(string name)
    {
        var text = "指標ID\t年度\t実績値\t備考\nIII-1-K1\t令和4年度\t1,100\ta, b\nIII-1-K1\tR5\t1150\t\n";
        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(text), Encoding.GetEncoding(932).GetBytes(text), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] })
        {
            var submission = Read(bytes, name, "seikatsu-jiritsu");
            Assert.True(submission.IsAcceptable, name + ": " + Problems(submission));
            Assert.Equal([(2022, 1100m, "a, b", 2), (2023, 1150m, null, 3)],
                submission.Observations.Select(o => (o.FiscalYear.Value, o.Value, o.Note, o.Source.Row)));
        }

        var comma = Read(Encoding.UTF8.GetBytes("指標ID,年度,実績値\nIII-1-K1,R5,1150\n"), name, "seikatsu-jiritsu");
        Assert.Equal(1150m, Assert.Single(comma.Observations).Value);
        var zip = Read(new OdsBuilder().Sheet("s", ["指標ID"]).Build(), name, "seikatsu-jiritsu");
        Assert.Equal(ProblemCode.FileUnreadable, Assert.Single(zip.Problems).Code);
    }

    [Fact]
    public void The_report_lists_the_values_and_evaluations_read()
    {
        var file = new WorkbookBuilder()
            .Sheet("成果指標", ["指標ID", "年度", "区", "実績値"], ["I-2-K1", "R4", null, 60], ["I-2-K1", "R5", "中央区", 12])
            .Sheet("取組評価", ["取組ID", "年度", "評価"], [Plan.Initiatives.First(i => Plan.MayEvaluate(Plan.FindDepartment("shakyo")!, i)).Id.Value, "R5", "B"])
            .Build();
        var summary = Reader.ReadSummary(new MemoryStream(file), "r.xlsx", Plan.FindDepartment("shakyo"));
        var report = new UploadReport("1.1", Plan.Id.Value, "shakyo", "shakyo/r.xlsx", "shakyo/r.xlsx".Split('/')[^1], null, null, default, default, UploadStatus.Accepted,
            new ReportCounts(summary.RowsRead, summary.RowsSkipped, summary.ObservationCount, summary.Evaluations.Count, 0, 0), null, []).WithRead(summary);
        var back = UploadReport.FromJson(report.ToJson());
        Assert.Equal([new ReportValue("I-2-K1", 2022, City, null, 60m), new ReportValue("I-2-K1", 2023, Ward("中央区"), null, 12m)], back.Values);
        Assert.Equal(Rating.B, Assert.Single(back.Evaluations).Rating);
        Assert.Equal((0, 0), (back.ValuesNotListed, back.EvaluationsNotListed));
    }
}
