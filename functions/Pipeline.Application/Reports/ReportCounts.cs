using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets;

namespace Pipeline.Application.Reports;

/// <summary>Row counts of an upload.</summary>
public sealed record ReportCounts(int RowsRead, int RowsSkipped, int Observations, int Evaluations, int Errors,
    int Warnings)
{
    /// <summary>The counts of a file read (or not, where <paramref name="submission"/> is null) with these problems.
    /// </summary>
    public static ReportCounts Of(
        SubmissionSummary? submission, int observations, int evaluations, IReadOnlyList<Problem> problems) =>
        new(submission?.RowsRead ?? 0, submission?.RowsSkipped ?? 0, observations, evaluations,
            problems.Count(p => p.Severity == Severity.Error), problems.Count(p => p.Severity == Severity.Warning));
}
