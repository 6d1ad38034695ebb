using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>
/// The department's own words on an indicator for a fiscal year (RULES.md §13): 評価・要因分析, 課題, 今後の方向性, each
/// Japanese with optional English; the department and when the upload that brought them was received (UTC).
/// </summary>
public sealed record FeedCommentary(
    int FiscalYear,
    LocalizedText? Assessment,
    LocalizedText? Issues,
    LocalizedText? NextSteps,
    string DepartmentId,
    DateTimeOffset ReceivedAt);
