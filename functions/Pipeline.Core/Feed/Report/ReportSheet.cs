namespace Pipeline.Core.Feed.Report;

/// <summary>
/// One sheet of the committee's workbook: its name, the header row (repeated on every printed page), the
/// rows (text, numbers or blanks), column widths, how many leading columns stay frozen, and the rows shown
/// highlighted (priority initiatives).
/// </summary>
internal sealed record ReportSheet(
    string Name,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<double> Widths,
    int FrozenColumns,
    IReadOnlySet<int> HighlightedRows);
