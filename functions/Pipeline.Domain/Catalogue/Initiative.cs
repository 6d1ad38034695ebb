namespace Pipeline.Domain.Catalogue;

/// <summary>A main initiative (主な取組項目) of a measure; 【重点】 ones are priorities.</summary>
/// <remarks><see cref="Owners"/> are ids of the plan's organisations (RULES.md §7).</remarks>
public sealed record Initiative(InitiativeId Id, string MeasureId, LocalizedText Name, bool Priority,
    IReadOnlyList<string> Owners);
