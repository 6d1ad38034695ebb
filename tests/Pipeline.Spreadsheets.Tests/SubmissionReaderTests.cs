using System.Text;
using Pipeline.Testing;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Tests;

public sealed class SubmissionReaderTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly SubmissionReader Reader = new(Plan, ReadLimits.Default);

    static SubmissionReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Submission Read(byte[] file, string name, string department) =>
        Reader.ReadWhole(new MemoryStream(file), name, Plan.FindDepartment(department));

    private static Submission ReadCsv(string text, string department, Encoding encoding) =>
        Read(encoding.GetBytes(text), "data.csv", department);

    [Fact]
    public void Long_form_xlsx_with_ids_names_eras_units_and_full_width_digits()
    {
        var file = new WorkbookBuilder().Sheet("実績",
            ["指標ID", "年度", "実績値", "備考"],
            ["III-1-K1", "令和2年度", 610, null],
            ["Ｉ－２－Ｋ１", "Ｒ３", "５２回", "全角"],
            ["熊本市ボランティアセンターによる研修の実施回数", 2022, "1,058回", null],
            ["「熊本市生活自立支援センター」の新規相談受付件数（年間）", "FY2021", "1,200件", null]).Build();

        var shakyo = Read(file, "r3.xlsx", "shakyo");
        Assert.Contains(shakyo.Problems, p => p.Code == ProblemCode.NotOwner && p.Row == 2 && p.Column == "A");

        var ownFile = new WorkbookBuilder().Sheet("実績",
            ["指標ID", "年度", "実績値", "備考"],
            ["Ｉ－２－Ｋ１", "Ｒ３", "５２回", "全角"],
            ["熊本市ボランティアセンターによる研修の実施回数", 2022, "1,058回", null],
            ["i-2-k1", "令和元年度", 40, null]).Build();
        var submission = Read(ownFile, "r3.xlsx", "shakyo");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(
            [(2021, 52m, "全角"), (2022, 1058m, null), (2019, 40m, null)],
            submission.Observations.Select(o => (o.FiscalYear.Value, o.Value, o.Note)));
        Assert.All(submission.Observations, o => Assert.Equal("431001", o.AreaCode));
        Assert.Equal(new SourceLocation("実績", 2, 3), submission.Observations[0].Source);
    }

    [Fact]
    public void Wide_form_with_a_merged_title_row_and_an_example_sheet()
    {
        var file = new WorkbookBuilder()
            .Sheet("記入例", ["指標ID", "令和2年度"], ["II-2-K1", 999])
            .Sheet("成果指標",
                ["第4次熊本市地域福祉計画 成果指標 実績報告（熊本市社会福祉協議会）"],
                [],
                ["指標ID", "成果指標", "単位", "令和2年度", "R3", "2022年度", "FY2023"],
                ["II-2-K1", "行動計画を策定した校区社会福祉協議会数", "校区", 20, 38, "51校区", "－"],
                ["※ 数値は各年度末時点", null, null, null, null, null, null])
            .Merge("A1:G1")
            .Build();
        var submission = Read(file, "wide.xlsx", "shakyo");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal([(2020, 20m), (2021, 38m), (2022, 51m)], submission.Observations.Select(o => (o.FiscalYear.Value, o.Value)));
        var warning = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.ValueMissing, Severity.Warning, "成果指標", 4, "G"), (warning.Code, warning.Severity, warning.Sheet, warning.Row, warning.Column));
        Assert.Equal(2, submission.RowsSkipped); // the dash and the ※ note row
    }

    [Fact]
    public void Percent_formatted_cells_are_multiplied_by_100_and_ratios_are_computed()
    {
        var file = new WorkbookBuilder().Sheet("Sheet1",
            ["指標ID", "年度", "区", "実績値", "分子", "分母"],
            ["I-1-K1", "R2", null, new Percent(0.951), null, null],
            ["III-2-K1", "R3", "中央区", null, 250, 1000],
            ["III-2-K1", "R3", "熊本市東区", "25.0%", 250, 1000],
            ["III-2-K1", "R3", "431036", 30.1, 301, 1000],
            ["III-2-K1", "R3", 43104, "９５．１％", null, null]).Build();
        var submission = Read(file, "ratio.xlsx", "kenko-fukushi-seisaku");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(
            [("431001", 95.1m, (decimal?)null), ("431010", 25m, 250m), ("431028", 25m, 250m), ("431036", 30.1m, 301m), ("431044", 95.1m, null)],
            submission.Observations.Select(o => (o.AreaCode, o.Value, o.Numerator)));
    }

    [Fact]
    public void Shift_jis_csv_with_wards_and_months()
    {
        var csv = "指標ID,年度,区,月,実績値\r\nIII-1-K1,令和3年度,中央区,4月,40\r\nIII-1-K1,令和3年度,北区,５,12件\r\nIII-1-K1,R3,,6,－\r\n";
        var submission = ReadCsv(csv, "seikatsu-jiritsu", Encoding.GetEncoding(932));
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal([("431010", 4, 40m), ("431052", 5, 12m)], submission.Observations.Select(o => (o.AreaCode, o.Month!.Value, o.Value)));
        Assert.Equal(ProblemCode.ValueMissing, Assert.Single(submission.Problems).Code);
        Assert.Equal("csv", submission.Format);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_csv_with_or_without_bom(bool bom)
    {
        var text = "indicator_id,fiscal_year,value\nIII-1-K2,2021,120\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        }

        var submission = Read(bytes, "visits.csv", "jutaku-seisaku");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(120m, Assert.Single(submission.Observations).Value);
    }

    [Fact]
    public void Evaluations_of_initiatives_by_id_and_by_name()
    {
        var csv = "取組ID,取組項目,年度,評価,コメント\n" +
                  "I-1-2-b,,R2,A,広報誌に掲載\n" +
                  ",ボランティア活動にかかる保険制度の普及や充実,R3,概ね順調,\n" +
                  "III-3-3-a,,2022,ｃ,\n";
        var submission = ReadCsv(csv, "shakyo", Encoding.UTF8);
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(
            [("I-1-2-b", 2020, Rating.A), ("I-1-2-c", 2021, Rating.B), ("III-3-3-a", 2022, Rating.C)],
            submission.Evaluations.Select(e => (e.InitiativeId, e.FiscalYear.Value, e.Rating)));
        Assert.Equal("広報誌に掲載", submission.Evaluations[0].Comment);
    }

    [Fact]
    public void Every_problem_of_a_file_is_collected_with_its_location_in_both_languages()
    {
        var csv = "指標ID,年度,区,月,実績値,分子,分母\n" +
                  "X-9-K9,2021,,,1,,\n" +             // 2 unknown_indicator
                  "I-1-K2,来年度,,,1,,\n" +            // 3 fiscal_year_unrecognised
                  "I-1-K2,2030,,,1,,\n" +              // 4 fiscal_year_out_of_plan
                  "I-1-K2,2017,,,1,,\n" +              // 5 fiscal_year_out_of_plan (before baseline)
                  "I-1-K2,2021,,,たくさん,,\n" +       // 6 value_not_numeric
                  "I-1-K2,2021,,,1.5,,\n" +            // 7 count_not_integer
                  "I-1-K2,2022,,,-3,,\n" +             // 8 value_negative
                  "I-1-K2,2023,博多区,,3,,\n" +        // 9 area_unrecognised
                  "I-1-K2,2023,,13,3,,\n" +            // 10 month_unrecognised
                  "III-1-K1,2021,,,3,,\n" +            // 11 not_owner
                  "I-1-K2,2020,,,5,1,2\n" +            // 12 ratio_not_applicable
                  "I-1-K2,2020,,,5,,\n" +              // 13 ok
                  "I-1-K2,2020,,,6,,\n" +              // 14 duplicate_row
                  ",2020,,,6,,\n";                     // 15 indicator_missing
        var submission = ReadCsv(csv, "shakyo", Encoding.UTF8);
        Assert.False(submission.IsAcceptable);
        Assert.Equal(
            [("unknown_indicator", 2, "A"), ("fiscal_year_unrecognised", 3, "B"), ("fiscal_year_out_of_plan", 4, "B"),
             ("fiscal_year_out_of_plan", 5, "B"), ("value_not_numeric", 6, "E"), ("count_not_integer", 7, "E"),
             ("value_negative", 8, "E"), ("area_unrecognised", 9, "C"), ("month_unrecognised", 10, "D"), ("not_owner", 11, "A"),
             ("ratio_not_applicable", 12, "F"), ("duplicate_row", 14, "E"), ("indicator_missing", 15, "A")],
            submission.Problems.Select(p => (PipelineJson.Name(p.Code), p.Row!.Value, p.Column!)));
        Assert.All(submission.Problems, p =>
        {
            Assert.Equal("data", p.Sheet);
            Assert.False(string.IsNullOrWhiteSpace(p.MessageJa));
            Assert.False(string.IsNullOrWhiteSpace(p.MessageEn));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}|\p{IsKatakana}", p.MessageJa);
        });
    }

    [Fact]
    public void Percentages_and_ratios_are_checked()
    {
        var csv = "指標ID,年度,区,実績値,分子,分母\n" +
                  "I-1-K1,2021,,100.5,,\n" +           // percent_out_of_range
                  "III-2-K1,2021,中央区,30,250,1000\n" + // ratio_mismatch (25.0)
                  "III-2-K1,2021,東区,,250,\n" +         // ratio_incomplete
                  "III-2-K1,2021,西区,,1,0\n" +          // denominator_zero
                  "III-2-K1,2021,南区,25.04,250,1000\n";  // within 0.05: ok
        var submission = ReadCsv(csv, "kenko-fukushi-seisaku", Encoding.UTF8);
        Assert.Equal([ProblemCode.PercentOutOfRange, ProblemCode.RatioMismatch, ProblemCode.RatioIncomplete, ProblemCode.DenominatorZero], submission.Problems.Select(p => p.Code));
        Assert.Equal(25.04m, Assert.Single(submission.Observations).Value);
    }

    [Fact]
    public void Evaluation_problems_are_located()
    {
        var csv = "取組ID,年度,評価\nI-1-1-z,2021,A\nI-1-2-b,2021,E\nIII-3-2-a,2021,A\nI-1-2-b,,A\n";
        var submission = ReadCsv(csv, "shakyo", Encoding.UTF8);
        Assert.Equal(
            [("unknown_initiative", 2), ("rating_unrecognised", 3), ("not_owner", 4), ("fiscal_year_missing", 5)],
            submission.Problems.Select(p => (PipelineJson.Name(p.Code), p.Row!.Value)));
    }

    [Fact]
    public void Formula_cells_give_their_cached_value_and_a_formula_without_one_is_an_error()
    {
        var file = new WorkbookBuilder().Sheet("Sheet1",
            ["指標ID", "年度", "実績値"],
            ["II-1-K1", "R2", new Formula("700+21", 721)],
            ["II-1-K1", "R3", new Formula("700+40", null)]).Build();
        var submission = Read(file, "f.xlsx", "chiiki-houkatsu");
        Assert.Equal(721m, Assert.Single(submission.Observations).Value);
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.FormulaWithoutValue, 3, "C"), (problem.Code, problem.Row!.Value, problem.Column!));
    }

    [Fact]
    public void A_file_without_a_header_a_garbage_file_and_an_unknown_format_are_rejected()
    {
        Assert.Equal(ProblemCode.HeaderNotFound, Assert.Single(ReadCsv("a,b\n1,2\n", "shakyo", Encoding.UTF8).Problems).Code);
        Assert.Equal(ProblemCode.FileUnreadable, Assert.Single(Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "x.xlsx", "shakyo").Problems).Code);
        Assert.Equal(ProblemCode.FileUnreadable, Assert.Single(Read(Encoding.UTF8.GetBytes("hello"), "x.xlsx", "shakyo").Problems).Code);
        Assert.Equal(ProblemCode.UnsupportedFormat, Assert.Single(Read([1, 2, 3], "x.pdf", "shakyo").Problems).Code);
        Assert.Equal(ProblemCode.FileUnreadable, Assert.Single(Read([], "x.csv", "shakyo").Problems).Code);
        var unknown = Reader.ReadWhole(new MemoryStream(Encoding.UTF8.GetBytes("指標ID,年度,実績値\nI-1-K2,2021,1\n")), "x.csv", null);
        Assert.Contains(unknown.Problems, p => p.Code == ProblemCode.DepartmentUnknown);
    }

    [Fact]
    public void Date_cells_give_the_fiscal_year_they_fall_in()
    {
        var file = new WorkbookBuilder().Sheet("Sheet1",
            ["指標ID", "年度", "実績値"],
            ["I-1-K2", new DateTime(2022, 3, 31), 300],
            ["I-1-K2", new DateTime(2022, 4, 1), 350]).Build();
        var submission = Read(file, "d.xlsx", "shakyo");
        Assert.Equal([2021, 2022], submission.Observations.Select(o => o.FiscalYear.Value));
    }

    [Fact]
    public void Limits_are_enforced_while_reading()
    {
        var reader = new SubmissionReader(Plan, ReadLimits.Default with { MaxRows = 3 });
        var csv = Encoding.UTF8.GetBytes("指標ID,年度,実績値\nI-1-K2,2020,1\nI-1-K2,2021,1\nI-1-K2,2022,1\nI-1-K2,2023,1\n");
        var submission = reader.ReadWhole(new MemoryStream(csv), "big.csv", Plan.FindDepartment("shakyo"));
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.TooManyRows, 4), (problem.Code, problem.Row!.Value));
        Assert.False(submission.IsAcceptable);
    }
}
