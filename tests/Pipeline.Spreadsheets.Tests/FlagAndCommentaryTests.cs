using System.Text;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Testing;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// RULES.md §13 as a file gives it: a flag column (速報値, 推計, 定義変更) and the note (備考) kept per value; the
/// commentary columns (評価・要因分析, 課題, 今後の方向性, with English beside them) per indicator and fiscal year; and
/// every mistake in them a located error.
/// </summary>
public sealed class FlagAndCommentaryTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly SubmissionReader Reader = new(Plan, ReadLimits.Default);

    private static Submission Csv(string text, string department = "seikatsu-jiritsu") =>
        Reader.ReadWhole(new MemoryStream(Encoding.UTF8.GetBytes(text)), "data.csv", Plan.FindDepartment(department));

    [Fact]
    public void Flags_and_notes_stay_with_their_values_and_commentary_is_read_once_per_indicator_and_year()
    {
        var submission = Csv("""
            指標ID,年度,区,実績値,フラグ,備考,評価・要因分析,評価・要因分析（英語）,課題,今後の方向性
            III-1-K1,R5,中央区,300,速報値,3月分は見込み,相談が増えた,More people asked,周知,出張相談を続ける
            III-1-K1,R5,東区,250,速報,,相談が増えた,More people asked,周知,出張相談を続ける
            III-1-K1,R4,中央区,280,,確定,,,,
            III-1-K1,R4,東区,200,推計,"=A1",,,,
            III-1-K1,R3,中央区,270,定義変更,,,,,
            """);

        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(
            [
                (2023, "431010", (ValueFlag?)ValueFlag.Provisional, "3月分は見込み"),
                (2023, "431028", ValueFlag.Provisional, null),
                (2022, "431010", null, "確定"),
                (2022, "431028", ValueFlag.Estimate, "=A1"),
                (2021, "431010", ValueFlag.DefinitionChange, null),
            ],
            submission.Observations.Select(o => (o.FiscalYear.Value, o.AreaCode, o.Flag, o.Note)));
        var commentary = Assert.Single(submission.Commentary);
        Assert.Equal(("III-1-K1", 2023), (commentary.IndicatorId, commentary.FiscalYear.Value));
        Assert.Equal(new LocalizedText("相談が増えた", "More people asked"), commentary.Assessment);
        Assert.Equal(new LocalizedText("周知"), commentary.Issues);
        Assert.Equal(new LocalizedText("出張相談を続ける"), commentary.NextSteps);
        Assert.Equal([2021, 2022, 2023], submission.FiscalYears.Select(fy => fy.Value));
    }

    [Fact]
    public void A_flag_that_is_not_one_is_a_located_error_and_nothing_is_accepted()
    {
        var submission = Csv("""
            indicator_id,fiscal_year,value,flag
            III-1-K1,2023,300,たぶん
            """);

        var problem = Assert.Single(submission.Problems, p => p.Severity == Severity.Error);
        Assert.Equal((ProblemCode.FlagUnrecognised, 2, "D"), (problem.Code, problem.Row, problem.Column));
        Assert.Contains("たぶん", problem.MessageJa, StringComparison.Ordinal);
        Assert.Contains("provisional", problem.MessageEn, StringComparison.Ordinal);
        Assert.Empty(submission.Observations);
    }

    [Fact]
    public void Two_rows_with_different_commentary_for_one_indicator_and_year_and_english_alone_are_errors()
    {
        var submission = Csv("""
            指標ID,年度,区,実績値,評価・要因分析,課題,issues_en
            III-1-K1,R5,中央区,300,増えた,,
            III-1-K1,R5,東区,250,減った,,
            III-1-K1,R4,中央区,280,,,Only English
            """);

        var conflict = Assert.Single(submission.Problems, p => p.Code == ProblemCode.CommentaryConflict);
        Assert.Equal((3, "E"), (conflict.Row, conflict.Column));
        Assert.Contains("2 行目", conflict.MessageJa, StringComparison.Ordinal);
        var english = Assert.Single(submission.Problems, p => p.Code == ProblemCode.CommentaryWithoutJapanese);
        Assert.Equal((4, "G"), (english.Row, english.Column));
        Assert.False(submission.IsAcceptable);
    }

    [Fact]
    public void In_a_row_with_a_column_per_year_the_flag_and_the_commentary_are_about_its_latest_year_with_a_value()
    {
        var submission = Csv("""
            指標ID,R3,R4,R5,R6,フラグ,課題
            III-1-K1,600,700,800,,速報値,人手が足りない
            """);

        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal(
            [(2021, (ValueFlag?)null), (2022, null), (2023, ValueFlag.Provisional)],
            submission.Observations.Select(o => (o.FiscalYear.Value, o.Flag)));
        var commentary = Assert.Single(submission.Commentary);
        Assert.Equal(2023, commentary.FiscalYear.Value);
        Assert.Equal("人手が足りない", commentary.Issues!.Ja);
    }

    [Fact]
    public void A_sheet_of_commentary_alone_is_read_and_a_file_with_nothing_else_is_acceptable()
    {
        var submission = Csv("""
            指標ID,年度,評価・要因分析,課題,今後の方向性,next_steps_en
            III-1-K1,令和5年度,"相談が増えた
            （出張相談の効果）",周知不足,続ける,Keep going
            """);

        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Empty(submission.Observations);
        var commentary = Assert.Single(submission.Commentary);
        Assert.Equal("相談が増えた\n（出張相談の効果）", commentary.Assessment!.Ja.ReplaceLineEndings("\n"));
        Assert.Equal(new LocalizedText("続ける", "Keep going"), commentary.NextSteps);
    }
}
