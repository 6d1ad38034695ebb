namespace Pipeline.Spreadsheets.Headers;

/// <summary>
/// Where a header row puts the commentary of an indicator and fiscal year (RULES.md §13): 評価・要因分析, 課題 and
/// 今後の方向性, each with an optional English column; 0 where a column is absent. The first of each heading counts.
/// </summary>
internal sealed record CommentaryColumns(
    int Assessment, int AssessmentEn, int Issues, int IssuesEn, int NextSteps, int NextStepsEn)
{
    public static CommentaryColumns None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Whether any commentary column is present.</summary>
    public bool Any => this != None;

    /// <summary>These columns with <paramref name="field"/> at <paramref name="column"/> unless named before.</summary>
    public CommentaryColumns With(HeaderField field, int column) => field switch
    {
        HeaderField.Assessment when Assessment == 0 => this with { Assessment = column },
        HeaderField.AssessmentEn when AssessmentEn == 0 => this with { AssessmentEn = column },
        HeaderField.Issues when Issues == 0 => this with { Issues = column },
        HeaderField.IssuesEn when IssuesEn == 0 => this with { IssuesEn = column },
        HeaderField.NextSteps when NextSteps == 0 => this with { NextSteps = column },
        HeaderField.NextStepsEn when NextStepsEn == 0 => this with { NextStepsEn = column },
        _ => this,
    };
}
