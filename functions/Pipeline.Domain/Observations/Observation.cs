using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>
/// One value of an indicator for a fiscal year, an area (全国地方公共団体コード) and optionally a month, with the
/// department's note (備考) and flag (速報値, 推計, 定義変更) where the file gave them.
/// </summary>
public sealed record Observation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string? Note, SourceLocation Source, ValueFlag? Flag = null);
