using System.Text.Json.Serialization;
using Pipeline.Core.Catalogue;

namespace Pipeline.Core.Submissions;

/// <summary>An initiative's yearly evaluation: A 順調, B 概ね順調, C 遅れ, D 未着手.</summary>
public enum Rating
{
    [JsonStringEnumMemberName("A")]
    A,
    [JsonStringEnumMemberName("B")]
    B,
    [JsonStringEnumMemberName("C")]
    C,
    [JsonStringEnumMemberName("D")]
    D,
}

/// <summary>One value of an indicator for a fiscal year, an area (全国地方公共団体コード) and optionally a month.</summary>
public sealed record Observation(
    string IndicatorId, FiscalYear FiscalYear, string AreaCode, int? Month, decimal Value,
    decimal? Numerator, decimal? Denominator, string? Note, SourceLocation Source);

/// <summary>One evaluation of an initiative for a fiscal year.</summary>
public sealed record Evaluation(string InitiativeId, FiscalYear FiscalYear, Rating Rating, string? Comment, SourceLocation Source);

/// <summary>A department's file, interpreted: what it would store and every problem found.</summary>
public sealed record Submission(
    string FileName,
    string Format,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Evaluation> Evaluations,
    IReadOnlyList<Problem> Problems,
    int RowsRead,
    int RowsSkipped,
    int? StreamedObservations = null)
{
    /// <summary>Observations found: those listed, or those handed to the reader's sink as they were read.</summary>
    public int ObservationCount => StreamedObservations ?? Observations.Count;

    /// <summary>True where the file has no error: all of it may be stored.</summary>
    public bool IsAcceptable => !Problems.Any(p => p.Severity == Severity.Error);

    public int ErrorCount => Problems.Count(p => p.Severity == Severity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == Severity.Warning);
}
