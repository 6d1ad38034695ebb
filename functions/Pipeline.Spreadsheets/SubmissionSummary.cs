using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Problems;
namespace Pipeline.Spreadsheets;

/// <summary>
/// A file read as a stream (<see cref="SubmissionReading"/>): its observations were handed out as they were
/// read and are not kept; what remains is their count, the first ones listed for the report
/// (<see cref="SubmissionReader.MaxValuesListed"/>, <c>RULES.md §2</c>), the evaluations and every problem.
/// </summary>
public sealed record SubmissionSummary(
    string FileName,
    string Format,
    int ObservationCount,
    IReadOnlyList<Observation> ListedObservations,
    IReadOnlyList<Evaluation> Evaluations,
    IReadOnlyList<Problem> Problems,
    int RowsRead,
    int RowsSkipped)
{
    /// <summary>True where the file has no error: all of it may be stored.</summary>
    public bool IsAcceptable => !Problems.Any(p => p.Severity == Severity.Error);

    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning);

    /// <summary>The commentary given per indicator and fiscal year (RULES.md §13), in the file's order.</summary>
    public IReadOnlyList<IndicatorCommentary> Commentary { get; init; } = [];

    /// <summary>Every fiscal year the file gives a value, an evaluation or commentary for, in order.</summary>
    public IReadOnlyList<FiscalYear> FiscalYears { get; init; } = [];
}
