using Pipeline.Domain.Problems;

namespace Pipeline.Application.Reports;

/// <summary>One problem in a report, located and worded in both languages.</summary>
public sealed record ReportProblem(Severity Severity, ProblemCode Code, string? Sheet, int? Row, string? Column,
    ReportMessage Message)
{
    public static ReportProblem From(Problem p) =>
        new(p.Severity, p.Code, p.Sheet, p.Row, p.Column, new ReportMessage(p.MessageJa, p.MessageEn));
}
