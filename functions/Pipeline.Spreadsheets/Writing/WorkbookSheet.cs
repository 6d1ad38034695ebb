namespace Pipeline.Spreadsheets.Writing;

/// <summary>
/// One sheet of a workbook the pipeline writes (the committee's report): its name, the header row (repeated on every
/// printed page), the
/// rows (text, numbers or blanks), column widths, how many leading columns stay frozen, and the rows shown
/// highlighted (priority initiatives).
/// </summary>
public sealed record WorkbookSheet(
    string Name,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<double> Widths,
    int FrozenColumns,
    IReadOnlySet<int> HighlightedRows);
