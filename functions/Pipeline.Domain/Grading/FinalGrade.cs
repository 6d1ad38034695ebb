using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Grading;

/// <summary>An indicator's grade in a plan's final evaluation (最終評価), the scheme of 健康日本21 (RULES.md §11).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<FinalGrade>))]
public enum FinalGrade
{
    /// <summary>目標値に達した: the target is reached.</summary>
    [JsonStringEnumMemberName("A")]
    A,
    /// <summary>現時点で目標値に達していないが、改善傾向にある: not reached, better than the baseline.</summary>
    [JsonStringEnumMemberName("B")]
    B,
    /// <summary>変わらない: within the indicator's tolerance of the baseline.</summary>
    [JsonStringEnumMemberName("C")]
    C,
    /// <summary>悪化している: worse than the baseline.</summary>
    [JsonStringEnumMemberName("D")]
    D,
    /// <summary>評価困難: no baseline, no value in the plan's last two fiscal years, or a definition change.</summary>
    [JsonStringEnumMemberName("E")]
    E,
}
