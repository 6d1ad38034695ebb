using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
namespace Pipeline.Spreadsheets.Headers;

/// <summary>A column a header row may name (<c>RULES.md §2</c>).</summary>
internal enum HeaderField
{
    IndicatorId, IndicatorName, InitiativeId, InitiativeName, FiscalYear, Area, Month,
    Value, Numerator, Denominator, Rating, Note, Flag,
    Assessment, AssessmentEn, Issues, IssuesEn, NextSteps, NextStepsEn,
}
