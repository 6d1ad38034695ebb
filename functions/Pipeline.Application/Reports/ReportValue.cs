using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;

namespace Pipeline.Application.Reports;

/// <summary>
/// One value read: month null for an annual value, the whole city's code for a city value; its flag and note where
/// the file gave them (RULES.md §13).
/// </summary>
public sealed record ReportValue(
    string IndicatorId, int FiscalYear, string AreaCode, int? Month, decimal Value, ValueFlag? Flag = null,
    string? Note = null)
{
    public static ReportValue From(Observation o) =>
        new(o.IndicatorId, o.FiscalYear.Value, o.AreaCode, o.Month, o.Value, o.Flag, o.Note);
}
