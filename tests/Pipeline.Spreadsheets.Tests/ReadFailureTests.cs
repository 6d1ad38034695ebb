using System.Reflection;
using System.Text;
using System.Xml;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Json;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// A failure of our own code is never blamed on the department's file; only what the format libraries (or our
/// limits) say about the file becomes a file problem. The failures are injected through the reader's internal
/// seam over the rows, after a valid header and row, so the reading is mid-file when they strike.
/// </summary>
public sealed class ReadFailureTests
{
    private static readonly Plan Plan = BuiltInPlans.Default;
    private static readonly Department Shakyo = Plan.FindDepartment("shakyo")!;
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("指標ID,年度,実績値\nI-1-K2,2021,5\nI-1-K2,2022,6\n");

    private static SubmissionReader Failing(Exception failure) => Failing(() => throw failure);

    private static SubmissionReader Failing(Action fail) => new(Plan, ReadLimits.Default, rows => FailAfterFirstTwo(rows, fail));

    private static IEnumerable<SheetRow> FailAfterFirstTwo(IEnumerable<SheetRow> rows, Action fail)
    {
        foreach (var row in rows.Take(2))
        {
            yield return row;
        }

        fail();
    }

    /// <summary>A real null dereference, as a bug in a sheet reader would make.</summary>
    private static void Dereference(string? text) => _ = text!.Length;

    [Fact]
    public void A_null_reference_in_our_code_propagates_and_is_not_reported_as_an_unreadable_file()
    {
        var reader = Failing(() => Dereference(null));
        Assert.Throws<NullReferenceException>(() => reader.ReadWhole(new MemoryStream(Csv), "x.csv", Shakyo));
    }

    [Fact]
    public void An_invalid_operation_thrown_by_our_code_propagates_although_a_library_may_throw_the_same_type()
    {
        var reader = Failing(new InvalidOperationException("our state"));
        Assert.Throws<InvalidOperationException>(() => reader.ReadSummary(new MemoryStream(Csv), "x.csv", Shakyo));
    }

    [Fact]
    public void A_streamed_reading_also_lets_our_failure_through()
    {
        var reading = Failing(() => Dereference(null)).StartReading(new MemoryStream(Csv), "x.csv", Shakyo);
        var seen = new List<Observation>();
        Assert.Throws<NullReferenceException>(() =>
        {
            foreach (var o in reading.Observations)
            {
                seen.Add(o);
            }
        });
        Assert.Equal(2021, Assert.Single(seen).FiscalYear.Value);
        Assert.Throws<InvalidOperationException>(() => reading.Summary);
    }

    [Fact]
    public void Malformed_xml_from_the_file_is_a_file_problem()
    {
        var submission = Failing(new XmlException("Unexpected end of file.")).ReadWhole(new MemoryStream(Csv), "x.csv", Shakyo);
        var problem = Assert.Single(submission.Problems);
        Assert.Equal(ProblemCode.FileUnreadable, problem.Code);
        Assert.Contains("XmlException", problem.MessageEn, StringComparison.Ordinal);
        Assert.Equal(2021, Assert.Single(submission.Observations).FiscalYear.Value);
    }

    [Fact]
    public void Our_own_limit_exception_keeps_its_code_and_location()
    {
        var failure = new SpreadsheetReadException(ProblemCode.TooManyRows, "行数が多すぎます。", "Too many rows.", "x", 3);
        var submission = Failing(failure).ReadWhole(new MemoryStream(Csv), "x.csv", Shakyo);
        var problem = Assert.Single(submission.Problems);
        Assert.Equal((ProblemCode.TooManyRows, "x", 3), (problem.Code, problem.Sheet, problem.Row));
    }

    [Fact]
    public void Hostile_files_get_their_intended_code_and_no_internal_error_is_passed_off_as_theirs()
    {
        string[] internalErrors = ["NullReferenceException", "IndexOutOfRangeException", "InvalidCastException", "ArgumentOutOfRangeException", "KeyNotFoundException"];
        foreach (var file in HostileFileTests.Corpus())
        {
            var submission = new SubmissionReader(Plan, file.Limits ?? ReadLimits.Default).ReadWhole(new MemoryStream(file.Content()), file.Name, Shakyo);
            var first = submission.Problems.First(p => p.Severity == Severity.Error);
            Assert.True(submission.Problems.Any(p => PipelineJson.Name(p.Code) == file.ExpectedCode), $"{file.Name}: {first}");
            Assert.All(submission.Problems, p => Assert.DoesNotContain(internalErrors, e => p.MessageEn.Contains(e, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Every_problem_code_is_written_as_one_distinct_snake_case_name_and_read_back()
    {
        var codes = Enum.GetValues<ProblemCode>();
        Assert.True(codes.Length >= 33, $"{codes.Length} codes");
        var names = codes.Select(PipelineJson.Name).ToList();
        Assert.Equal(codes.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z]+(_[a-z]+)*$", name));
        var options = PipelineJson.CreateOptions(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        Assert.All(codes, code =>
        {
            var json = System.Text.Json.JsonSerializer.Serialize(code, options);
            Assert.Equal($"\"{PipelineJson.Name(code)}\"", json);
            Assert.Equal(code, System.Text.Json.JsonSerializer.Deserialize<ProblemCode>(json, options));
        });
        Assert.Equal("duplicate_row", PipelineJson.Name(ProblemCode.DuplicateRow)); // the name reports have always had
    }
}
