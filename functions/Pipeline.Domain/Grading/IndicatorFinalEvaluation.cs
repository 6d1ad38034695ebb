using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Grading;

/// <summary>
/// An indicator's final grade, and the fiscal year and value it was judged on: the last fiscal year with a complete
/// value (null where there is none).
/// </summary>
public sealed record IndicatorFinalEvaluation(FinalGrade Grade, FiscalYear? FiscalYear, decimal? Value,
    FinalGradeReason Reason);
