namespace Pipeline.Domain.Rollup;

/// <summary>One area's value in a fiscal year; <see cref="MonthsReported"/> is null for an annual value.</summary>
public sealed record AreaValue(string Code, decimal Value, decimal? Numerator, decimal? Denominator, bool Partial, int? MonthsReported = null);
