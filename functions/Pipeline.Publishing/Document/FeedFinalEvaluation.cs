using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Grading;

namespace Pipeline.Publishing.Document;

/// <summary>
/// An indicator's grade in a closed plan's final evaluation (RULES.md §11): the grade, the fiscal year and value it was
/// judged on (null where there is none), why, and the scheme's words for the grade.
/// </summary>
public sealed record FeedFinalEvaluation(FinalGrade Grade, int? FiscalYear, decimal? Value, FinalGradeReason Reason,
    LocalizedText Label)
{
    /// <summary>The feed's form of a grade.</summary>
    public static FeedFinalEvaluation From(IndicatorFinalEvaluation evaluation) =>
        new(evaluation.Grade, evaluation.FiscalYear?.Value, evaluation.Value, evaluation.Reason,
            FinalGrading.Label(evaluation.Grade));
}
