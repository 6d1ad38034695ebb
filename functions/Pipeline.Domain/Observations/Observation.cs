using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Observations;

/// <summary>One value of an indicator for a fiscal year, an area (全国地方公共団体コード) and optionally a month.</summary>
public sealed record Observation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string? Note, SourceLocation Source);
