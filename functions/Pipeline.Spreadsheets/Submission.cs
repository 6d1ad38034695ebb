using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
namespace Pipeline.Spreadsheets;

/// <summary>
/// A department's file, interpreted whole by <see cref="SubmissionReader.ReadWhole"/>: every valid observation and
/// evaluation it holds (also where the file has an error elsewhere) and every problem found.
/// </summary>
public sealed record Submission(
    string FileName,
    string Format,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Evaluation> Evaluations,
    IReadOnlyList<Problem> Problems,
    int RowsRead,
    int RowsSkipped)
{
    /// <summary>Valid observations found.</summary>
    public int ObservationCount => Observations.Count;

    /// <summary>True where the file has no error: all of it may be stored.</summary>
    public bool IsAcceptable => !Problems.Any(p => p.Severity == Severity.Error);

    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning);

    /// <summary>The commentary given per indicator and fiscal year (RULES.md §13), in the file's order.</summary>
    public IReadOnlyList<IndicatorCommentary> Commentary { get; init; } = [];

    /// <summary>Every fiscal year the file gives a value, an evaluation or commentary for, in order.</summary>
    public IReadOnlyList<FiscalYear> FiscalYears { get; init; } = [];
}
