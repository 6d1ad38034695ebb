namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// One cell with its 1-based column. <see cref="IsPercentFormat"/> is true where the cell's number
/// format shows a percentage (a cell holding 0.951 displayed as 95.1%).
/// </summary>
/// <remarks>
/// 24 bytes: a date is kept as its serial number (<see cref="Number"/>, as the file stores it) and
/// <see cref="Date"/> made from it when asked, and <see cref="CellKind"/> is a byte. Every row's cells are copied
/// from reader to rules several times over (issue 27, eighth pass: copying and clearing 40-byte cells was most of
/// the indicator rules' own time in the native build).
/// </remarks>
public readonly record struct Cell
{
    /// <summary>A cell of any kind; a date's <paramref name="number"/> is its serial (OLE Automation) date.</summary>
    public Cell(int column, CellKind kind, string? text, double number, bool isPercentFormat)
    {
        Column = column;
        Kind = kind;
        Text = text;
        Number = number;
        IsPercentFormat = isPercentFormat;
    }

    /// <summary>The 1-based column.</summary>
    public int Column { get; init; }

    /// <summary>What the cell holds.</summary>
    public CellKind Kind { get; init; }

    /// <summary>The text of a text, error or boolean cell as the file wrote it; null for others.</summary>
    public string? Text { get; init; }

    /// <summary>The number of a number cell, a date's serial number, a boolean's 1 or 0.</summary>
    public double Number { get; init; }

    /// <summary>Whether the cell's number format shows a percentage.</summary>
    public bool IsPercentFormat { get; init; }

    /// <summary>A date cell's date and time (to the millisecond); <c>default</c> for any other kind.</summary>
    public DateTime Date => Kind == CellKind.Date ? DateTime.FromOADate(Number) : default;

    public static Cell OfText(int column, string text) => new(column, CellKind.Text, text, 0, false);

    public static Cell OfNumber(int column, double number, bool percent) =>
        new(column, CellKind.Number, null, number, percent);

    public static Cell OfDate(int column, DateTime date) => new(column, CellKind.Date, null, date.ToOADate(), false);

    /// <summary>
    /// A cell a file marks as a date written as text (.xlsx <c>t="d"</c>, .ods <c>office:date-value</c>): a date
    /// where the text holds a date a serial number can (from the year 100), otherwise the text as written, for the
    /// rules to refuse in its row and column. A time without a date is such a text: it would otherwise take the day
    /// the file happens to be read.
    /// </summary>
    public static Cell OfDateText(int column, string? text) =>
        DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.NoCurrentDateDefault, out var date) && date.Year >= 100
            ? OfDate(column, date)
            : OfText(column, text ?? "");

    public static Cell OfError(int column, string text) => new(column, CellKind.Error, text, 0, false);

    /// <summary>An empty cell at a 1-based column (a row's cell where nothing is written).</summary>
    public static Cell Empty(int column) => new(column, CellKind.Empty, null, 0, false);

    /// <summary>The error text of a formula cell saved without its result.</summary>
    public const string FormulaWithoutValue = "formula-without-cached-value";

    public bool IsBlank => Kind == CellKind.Empty || (Kind == CellKind.Text && IsBlankText(Text));

    /// <summary>
    /// Whether a text is empty or white space only. A text beginning with a printable ASCII character or one above
    /// U+3000 (kana, kanji, full-width forms: no white space lies above the ideographic space) is decided from that
    /// character; the rest as <see cref="string.IsNullOrWhiteSpace"/> does (issue 27, eleventh pass: a row's texts
    /// are asked several times, and a kanji first went through the Unicode tables each time).
    /// </summary>
    private static bool IsBlankText(string? text)
    {
        if (text is { Length: > 0 } && text[0] is (> ' ' and < '\u007f') or > '\u3000')
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(text);
    }

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
