namespace Pipeline.Core.Submissions.Reading;

/// <summary>What a spreadsheet cell holds, as the file stored it.</summary>
public enum CellKind
{
    /// <summary>Nothing.</summary>
    Empty,
    /// <summary>A string (every CSV cell is text).</summary>
    Text,
    /// <summary>A number without a date format.</summary>
    Number,
    /// <summary>A number with a date format, or a date the reader recognised.</summary>
    Date,
    /// <summary>TRUE or FALSE.</summary>
    Boolean,
    /// <summary>An Excel error value (#DIV/0!, #N/A …) or a formula with no cached result.</summary>
    Error,
}

/// <summary>
/// One cell with its 1-based column. <see cref="IsPercentFormat"/> is true where the cell's number
/// format shows a percentage (a cell holding 0.951 displayed as 95.1%).
/// </summary>
public readonly record struct Cell(int Column, CellKind Kind, string? Text, double Number, bool IsPercentFormat, DateTime Date)
{
    public static Cell OfText(int column, string text) => new(column, CellKind.Text, text, 0, false, default);

    public static Cell OfNumber(int column, double number, bool percent) => new(column, CellKind.Number, null, number, percent, default);

    public static Cell OfDate(int column, DateTime date) => new(column, CellKind.Date, null, date.ToOADate(), false, date);

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

/// <summary>A row of a sheet: its sheet name, 1-based row number and its non-empty cells in column order.</summary>
public sealed record SheetRow(string Sheet, int Row, IReadOnlyList<Cell> Cells)
{
    /// <summary>The cell at a 1-based column, or an empty one.</summary>
    public Cell this[int column]
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (cell.Column == column)
                {
                    return cell;
                }

                if (cell.Column > column)
                {
                    break;
                }
            }

            return new Cell(column, CellKind.Empty, null, 0, false, default);
        }
    }
}

/// <summary>Spreadsheet column letters: 1 → A, 27 → AA.</summary>
public static class ColumnName
{
    public static string Of(int column)
    {
        Span<char> buffer = stackalloc char[8];
        var i = buffer.Length;
        while (column > 0)
        {
            column--;
            buffer[--i] = (char)('A' + (column % 26));
            column /= 26;
        }

        return new string(buffer[i..]);
    }

    /// <summary>The 1-based column of a reference such as <c>AB12</c>, or 0.</summary>
    public static int Parse(ReadOnlySpan<char> reference)
    {
        long column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
            if (column > 1_000_000)
            {
                return 1_000_000; // far past any limit; the caller reports too many columns
            }
        }

        return (int)column;
    }
}
