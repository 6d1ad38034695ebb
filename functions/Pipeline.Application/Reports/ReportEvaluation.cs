using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;

namespace Pipeline.Application.Reports;

/// <summary>One evaluation read.</summary>
public sealed record ReportEvaluation(string InitiativeId, int FiscalYear, Rating Rating)
{
    public static ReportEvaluation From(Evaluation e) => new(e.InitiativeId, e.FiscalYear.Value, e.Rating);
}
