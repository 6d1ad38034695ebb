using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// What reading a file may cost (issue 23, items 1–3): header classification linear in the characters of the cells
/// searched (long cells are no headings, each text classified once, no backtracking pattern), the cells of an .xlsx
/// row given once each in order, and a work budget per file proportional to its size that stops reading with a
/// located <c>file_too_complex</c>. Time bounds here are safety nets against a reader that spins, not speed goals;
/// docs/reliability.md records what each file of the amplification corpus costs.
/// </summary>
public sealed class ReadingCostTests(ITestOutputHelper output)
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly Department Shakyo = Plan.FindDepartment("shakyo")!;
    private static readonly TimeSpan SafetyBound = TimeSpan.FromSeconds(30);

    /// <summary>The budget switched off, to show that what is left is linear without it.</summary>
    private static readonly ReadLimits Unbudgeted = ReadLimits.Default with { MinimumWork = long.MaxValue };

    private Submission Read(byte[] content, string name, ReadLimits? limits = null)
    {
        var watch = Stopwatch.StartNew();
        var submission = new SubmissionReader(Plan, limits ?? ReadLimits.Default).ReadWhole(new MemoryStream(content), name, Shakyo);
        watch.Stop();
        output.WriteLine($"{name}: {content.Length:N0} bytes, {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < SafetyBound, $"{name} took {watch.Elapsed}");
        return submission;
    }

    private static Problem FirstError(Submission submission) => submission.Problems.First(p => p.Severity == Severity.Error);

    [Fact]
    public void A_csv_row_costs_what_the_same_cells_cost_as_a_list()
    {
        string[] texts = ["I-1-K2", "令和5年度", "", "12"];
        var csv = new SheetRow("s", 3, new CsvCells([texts[0], texts[1], texts[3]], [1, 2, 4]));
        var list = new SheetRow("s", 3, [Cell.OfText(1, texts[0]), Cell.OfText(2, texts[1]), Cell.OfText(4, texts[3])]);

        // One for the row, and one and the characters of its text for each cell: 1 + (1 + 6) + (1 + 5) + (1 + 2).
        Assert.Equal(17, WorkBudget.Cost(list));
        Assert.Equal(WorkBudget.Cost(list), WorkBudget.Cost(csv));
    }

    [Fact]
    public void Long_cells_are_no_headings_and_cost_their_length_not_its_square()
    {
        // 64 cells of 32,000 brackets, 2 MB of real text: a lazy pattern took seconds for each one.
        var brackets = Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Repeat(AmplificationFiles.Brackets(32_000), 64)) + "\n");
        var refused = FirstError(Read(brackets, "brackets.csv"));
        Assert.Equal(ProblemCode.HeaderNotFound, refused.Code);
        Assert.Contains("'((((((((((", refused.MessageEn, StringComparison.Ordinal);
        Assert.Contains("(no accepted heading is near)", refused.MessageEn, StringComparison.Ordinal);

        // Headings nested ten thousand brackets deep, and fiscal years so nested, are neither.
        var nested = Encoding.UTF8.GetBytes("指標ID,年度,実績値\n" +
            string.Concat(Enumerable.Range(0, 40).Select(i => $"I-1-K2,{AmplificationFiles.Nested(10_000 + i)},1\n")));
        var year = FirstError(Read(nested, "nested.csv"));
        Assert.Equal((ProblemCode.FiscalYearUnrecognised, 2, "B"), (year.Code, year.Row!.Value, year.Column));
    }

    [Fact]
    public void Header_search_over_one_long_text_in_many_cells_is_linear_without_the_budget()
    {
        // Each of these took minutes when every cell, and every cell joined with the one above, was classified anew.
        var sharedStrings = Read(AmplificationFiles.SharedStringRows(AmplificationFiles.Brackets(32_000), rows: 2, columns: 100),
            "shared.xlsx", Unbudgeted);
        var repeats = Read(AmplificationFiles.RepeatedCell(AmplificationFiles.Brackets(32_000), rows: 2, columns: 50),
            "repeats.ods", Unbudgeted);
        Assert.Equal(ProblemCode.HeaderNotFound, FirstError(sharedStrings).Code);
        Assert.Equal(ProblemCode.HeaderNotFound, FirstError(repeats).Code);
    }

    [Fact]
    public void Headings_in_brackets_are_still_read()
    {
        var csv = Encoding.UTF8.GetBytes("指標ID,年度（令和）,実績値（人）\nI-1-K2,5,330\n");
        var submission = Read(csv, "brackets.csv");
        Assert.True(submission.IsAcceptable, string.Join("\n", submission.Problems));
        Assert.Equal((2023, 330m), (Assert.Single(submission.Observations).FiscalYear.Value, submission.Observations[0].Value));
    }

    [Fact]
    public void No_pattern_of_the_reader_backtracks_on_file_text()
    {
        // Lazy or nested quantifiers over "any character" are what made a run of brackets quadratic.
        var risky = new Regex(@"\.[+*]\?|\.[+*][^$]*\.[+*]|\)[+*].*\)[+*]");
        var patterns = typeof(SubmissionReader).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0)
            .Select(m => (Name: $"{m.DeclaringType!.Name}.{m.Name}", Pattern: ((Regex)m.Invoke(null, null)!).ToString()))
            .ToList();
        output.WriteLine(string.Join("\n", patterns.Select(p => $"{p.Name}: {p.Pattern}")));
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.False(risky.IsMatch(p.Pattern), $"{p.Name} backtracks: {p.Pattern}"));
    }

    [Theory]
    [InlineData("<c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2021</v></c><c r=\"B2\"><v>5</v></c>", "B")]
    [InlineData("<c r=\"A2\" t=\"inlineStr\"><is><t>I-1-K2</t></is></c><c r=\"C2\"><v>5</v></c><c r=\"B2\"><v>2021</v></c>", "B")]
    [InlineData("<c r=\"C2\"><v>5</v></c><c><v>1</v></c><c r=\"D2\"><v>1</v></c>", "D")]
    public void A_cell_given_twice_or_out_of_order_in_an_xlsx_row_is_refused_where_it_stands(string cells, string column)
    {
        var sheet = RawXlsx.Rows(["指標ID", "年度", "実績値"]) + $"<row r=\"2\">{cells}</row>";
        var refused = FirstError(Read(RawXlsx.Package(RawXlsx.Sheet(sheet)), "cells.xlsx"));
        Assert.Equal((ProblemCode.FileUnreadable, "Sheet1", 2, column), (refused.Code, refused.Sheet, refused.Row!.Value, refused.Column));
        Assert.Contains("given twice or after a later column", refused.MessageEn, StringComparison.Ordinal);
        Assert.Contains("重複しているか", refused.MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_given_twice_in_an_xlsx_is_refused_where_it_stands()
    {
        var sheet = RawXlsx.Rows(["指標ID", "年度", "実績値"], ["I-1-K2", "2021", "5"], ["I-1-K2", "2022", "6"]).Replace("<row r=\"3\">", "<row r=\"2\">", StringComparison.Ordinal);
        var refused = FirstError(Read(RawXlsx.Package(RawXlsx.Sheet(sheet)), "rows.xlsx"));
        Assert.Equal((ProblemCode.FileUnreadable, "Sheet1", 2), (refused.Code, refused.Sheet, refused.Row!.Value));
        Assert.Contains("Row 2 is given twice or after a later row", refused.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void One_cell_claimed_six_million_times_is_refused_at_its_second_claim()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var refused = FirstError(Read(AmplificationFiles.SameCell(6_000_000), "same-cell.xlsx"));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal((ProblemCode.FileUnreadable, 1, "A"), (refused.Code, refused.Row!.Value, refused.Column));
        // It used to hold six million cells of one row: 2.3 GiB. A safety bound, far above what refusing needs.
        Assert.True(allocated < 256L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_file_that_asks_for_more_work_than_its_size_allows_stops_where_its_budget_ran_out()
    {
        // 1,943 bytes whose two rows show one shared string of 32,000 characters in 100 cells each: 6.4 million.
        var content = AmplificationFiles.SharedStringRows(AmplificationFiles.Brackets(32_000), rows: 2, columns: 100);
        var submission = Read(content, "expands.xlsx");
        var refused = FirstError(submission);
        Assert.Equal((ProblemCode.FileTooComplex, "Sheet1", 1), (refused.Code, refused.Sheet, refused.Row!.Value));
        Assert.Single(submission.Problems, p => p.Severity == Severity.Error);
        Assert.Contains($"1,000,000 units for {content.Length:N0} bytes", refused.MessageEn, StringComparison.Ordinal);
        Assert.Contains($"{content.Length:N0} バイトのファイルに許される作業量 1,000,000", refused.MessageJa, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_rows_looked_up_in_a_header_of_thousands_of_columns_spend_the_budget_too()
    {
        // Each row costs three cells to read and 16,384 header columns to look up: the lookups are what stop it.
        var submission = Read(AmplificationFiles.WideHeader(), "wide-header.xlsx");
        var refused = Assert.Single(submission.Problems, p => p.Code == ProblemCode.FileTooComplex);
        Assert.True(refused.Row is > 2 and < 2_000, $"stopped at row {refused.Row}");
    }

    [Fact]
    public void Rows_repeated_in_an_ods_are_charged_for_each_repeat()
    {
        var content = OdsHostileFileTests.Corpus().Single(f => f.Name == "wide-row-repeated-to-the-row-limit.ods").Content();
        var submission = Read(content, "repeats.ods");
        var refused = Assert.Single(submission.Problems, p => p.Code == ProblemCode.FileTooComplex);
        Assert.Equal("Sheet1", refused.Sheet);
        Assert.True(refused.Row < 100, $"stopped at row {refused.Row}");
    }

    [Theory]
    [InlineData(10L, 32, 1_000_000, 1_000_000)]
    [InlineData(1_000_000L, 32, 1_000_000, 32_000_000)]
    [InlineData(20L * 1024 * 1024, 32, 1_000_000, 671_088_640)]
    [InlineData(long.MaxValue / 2, 32, 0, long.MaxValue)]
    [InlineData(1_000L, 0, 5, 5)]
    public void The_budget_is_the_larger_of_the_minimum_and_the_work_per_byte_times_the_size(long bytes, int perByte, long minimum, long expected)
    {
        var budget = new WorkBudget(bytes, ReadLimits.Default with { WorkPerByte = perByte, MinimumWork = minimum });
        Assert.Equal(expected, budget.Limit);
    }

    [Fact]
    public void Real_files_spend_a_small_part_of_their_budget()
    {
        var root = RepositoryRoot.Find();
        var files = Directory.EnumerateFiles(Path.Combine(root, "samples"), "*", SearchOption.AllDirectories)
            .Where(f => SubmissionReader.AcceptedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 40, $"{files.Count} samples");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var reading = new SubmissionReader(Plan, ReadLimits.Default).StartReading(new MemoryStream(bytes), Path.GetFileName(file), Shakyo);
            var summary = reading.Finish();
            var perByte = reading.Budget.Spent / (double)bytes.Length;
            output.WriteLine($"{Path.GetRelativePath(root, file)}: {bytes.Length:N0} bytes, work {reading.Budget.Spent:N0} ({perByte:F2} a byte)");
            Assert.DoesNotContain(summary.Problems, p => p.Code == ProblemCode.FileTooComplex);
            Assert.True(perByte < ReadLimits.Default.WorkPerByte / 8.0, $"{file}: {perByte:F2} a byte");
        }
    }
}
