using Pipeline.Domain.Observations;
using Pipeline.Publishing.Document;
using Pipeline.Spreadsheets.Writing;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// The committee workbook's sheet 評価・課題 (RULES.md §13): per indicator and fiscal year with a value or commentary,
/// the value with its flag (速報値, 推計, 定義変更) and note, and the department's 評価・要因分析, 課題 and 今後の方向性 —
/// the 進捗管理シート the committee reads beside the figures.
/// </summary>
internal static class ProgressReportCommentary
{
    public const string Name = "評価・課題";

    public static WorkbookSheet Sheet(ProgressFeed feed)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var indicator in feed.Indicators)
        {
            var actuals = indicator.Actuals.ToDictionary(a => a.FiscalYear);
            var words = (indicator.Commentary ?? []).ToDictionary(c => c.FiscalYear);
            foreach (var year in actuals.Keys.Union(words.Keys).Order())
            {
                var actual = actuals.GetValueOrDefault(year);
                var said = words.GetValueOrDefault(year);
                rows.Add([
                    indicator.Id, indicator.Name.Ja, year, actual?.Value, indicator.Unit,
                    actual?.Flag is { } flag ? ValueFlags.Label(flag).Ja : null, actual?.Note,
                    said?.Assessment?.Ja, said?.Issues?.Ja, said?.NextSteps?.Ja,
                ]);
            }
        }

        return new WorkbookSheet(Name,
            ["指標ID", "成果指標", "年度", "実績値", "単位", "値の区分", "備考", "評価・要因分析", "課題", "今後の方向性"],
            rows, [9, 36, 7, 9, 6, 9, 20, 44, 36, 36], 3, new HashSet<int>());
    }
}
