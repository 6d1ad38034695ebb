using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>One published plan: its period, status, indicators per status and where its files are.</summary>
public sealed record PlanIndexEntry(
    string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, PlanStatus Status,
    IReadOnlyDictionary<string, int> StatusCounts, PlanIndexLinks Links);
