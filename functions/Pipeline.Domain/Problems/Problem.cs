namespace Pipeline.Domain.Problems;

/// <summary>
/// One problem found in a file, located by sheet, row and column letter, with a stable code and a
/// message in Japanese and English.
/// </summary>
public sealed record Problem(Severity Severity, ProblemCode Code, string? Sheet, int? Row, string? Column,
    string MessageJa, string MessageEn)
{
    /// <summary>Where, as a person reads it: <c>Sheet1!C12</c>, <c>Sheet1 row 12</c> or the whole file.</summary>
    public string Location => (Sheet, Row, Column) switch
    {
        (null or "", null, _) => "(file)",
        (var s, null, _) => s!,
        (var s, var r, null) => $"{s} row {r}",
        (var s, var r, var c) => $"{s}!{c}{r}",
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{Severity} {Json.PipelineJson.Name(Code)} at {Location}: {MessageEn} / {MessageJa}";
}
