using Pipeline.Domain.Observations;

namespace Pipeline.Application.Review;

/// <summary>
/// One value an upload waiting for review would change (RULES.md §14): its key, the value published now
/// (<see cref="PreviousValue"/>, null where none is) and the new one, with both flags.
/// </summary>
public sealed record ReviewChange(
    string IndicatorId,
    int FiscalYear,
    string AreaCode,
    int? Month,
    decimal? PreviousValue,
    decimal Value,
    ValueFlag? PreviousFlag = null,
    ValueFlag? Flag = null,
    string? Note = null);
