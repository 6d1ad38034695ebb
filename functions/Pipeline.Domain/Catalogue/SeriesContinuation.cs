namespace Pipeline.Domain.Catalogue;

/// <summary>
/// The earlier series an indicator carries on (RULES.md §7): the same measure in an earlier plan, with
/// a note where its definition changed.
/// </summary>
public sealed record SeriesContinuation(string PlanId, string IndicatorId, LocalizedText? Note);
