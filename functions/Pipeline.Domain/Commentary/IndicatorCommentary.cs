using Pipeline.Domain.Catalogue;

namespace Pipeline.Domain.Commentary;

/// <summary>
/// A department's own words on an indicator for a fiscal year (RULES.md §13), the heart of a 進捗管理シート:
/// 評価・要因分析 <see cref="Assessment"/>, 課題 <see cref="Issues"/>, 今後の方向性 <see cref="NextSteps"/>, each in
/// Japanese with an optional English rendering, any of them absent. A later entry replaces the whole of an earlier
/// one.
/// </summary>
public sealed record IndicatorCommentary(
    string IndicatorId,
    FiscalYear FiscalYear,
    LocalizedText? Assessment,
    LocalizedText? Issues,
    LocalizedText? NextSteps)
{
    /// <summary>Longest text of one part (Japanese or English), in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>True where no part has any text.</summary>
    public bool IsEmpty => Assessment is null && Issues is null && NextSteps is null;
}
