using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Spreadsheets.Headers;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// The commentary cells of an indicator row (RULES.md §13): 評価・要因分析, 課題 and 今後の方向性 for the row's indicator
/// and fiscal year, each Japanese with an optional English column. Several rows of one indicator and year (wards,
/// months) may repeat it; a different text for the same indicator and year is an error, as is English without
/// Japanese.
/// </summary>
internal static class CommentaryCells
{
    public static void Read(FileReading context, SheetRow row, HeaderMap header, Indicator indicator, FiscalYear fy)
    {
        var columns = header.Commentary;
        if (!columns.Any)
        {
            return;
        }

        var complete = true;
        LocalizedText? Part(int ja, int en)
        {
            var japanese = Text(row, ja);
            var english = Text(row, en);
            if (japanese is null && english is not null)
            {
                context.Problems.Add(ProblemCatalog.CommentaryWithoutJapanese(FileReading.At(row, en)));
                complete = false;
            }

            return japanese is null ? null : new LocalizedText(japanese, english);
        }

        var commentary = new IndicatorCommentary(indicator.Id.Value, fy, Part(columns.Assessment, columns.AssessmentEn),
            Part(columns.Issues, columns.IssuesEn), Part(columns.NextSteps, columns.NextStepsEn));
        if (!complete || commentary.IsEmpty)
        {
            return;
        }

        if (!context.Output.TryAdd(commentary, row.Row, out var firstRow))
        {
            var at = new[] { columns.Assessment, columns.Issues, columns.NextSteps }.FirstOrDefault(c => c > 0);
            var problem = ProblemCatalog.CommentaryConflict(FileReading.At(row, at), indicator.Id.Value, fy.Value,
                firstRow);
            context.Problems.Add(problem);
        }
    }

    private static string? Text(SheetRow row, int column) =>
        column > 0 && !row[column].IsBlank && row[column].Display.Trim() is { Length: > 0 } text ? text : null;
}
