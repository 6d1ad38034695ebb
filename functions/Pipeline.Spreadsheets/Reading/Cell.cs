namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// One cell with its 1-based column. <see cref="IsPercentFormat"/> is true where the cell's number
/// format shows a percentage (a cell holding 0.951 displayed as 95.1%).
/// </summary>
public readonly record struct Cell(int Column, CellKind Kind, string? Text, double Number, bool IsPercentFormat,
    DateTime Date)
{
    public static Cell OfText(int column, string text) => new(column, CellKind.Text, text, 0, false, default);

    public static Cell OfNumber(int column, double number, bool percent) =>
        new(column, CellKind.Number, null, number, percent, default);

    public static Cell OfDate(int column, DateTime date) =>
        new(column, CellKind.Date, null, date.ToOADate(), false, date);

    /// <summary>
    /// A cell a file marks as a date written as text (.xlsx <c>t="d"</c>, .ods <c>office:date-value</c>): a date
    /// where the text is one a serial number holds (from the year 100), otherwise the text as written, for the rules
    /// to refuse in its row and column.
    /// </summary>
    public static Cell OfDateText(int column, string? text) =>
        DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) && date.Year >= 100
            ? OfDate(column, date)
            : OfText(column, text ?? "");

    public static Cell OfError(int column, string text) => new(column, CellKind.Error, text, 0, false, default);

    /// <summary>The error text of a formula cell saved without its result.</summary>
    public const string FormulaWithoutValue = "formula-without-cached-value";

    public bool IsBlank => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The cell as a person would read it, for messages.</summary>
    public string Display => Kind switch
    {
        CellKind.Empty => "",
        CellKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CellKind.Date => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        CellKind.Boolean => Number != 0 ? "TRUE" : "FALSE",
        _ => Text ?? "",
    };
}
