using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>
/// One published plan: its period, status, indicators per status, where its files are and the URL of its licence
/// (null before its first feed).
/// </summary>
public sealed record PlanIndexEntry(
    string Id, LocalizedText Name, int StartFiscalYear, int EndFiscalYear, PlanStatus Status,
    IReadOnlyDictionary<string, int> StatusCounts, PlanIndexLinks Links, string? LicenseUrl = null);
