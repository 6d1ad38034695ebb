namespace Pipeline.Domain.Catalogue;

/// <summary>A measured value of an indicator at a fiscal year; <see cref="Value"/> is null where the plan has none
/// (現状値なし).</summary>
public sealed record FiscalYearValue(FiscalYear FiscalYear, decimal? Value, LocalizedText? Note = null);
