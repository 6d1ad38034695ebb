namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// A row of a sheet: its sheet name, 1-based row number and its non-empty cells in strictly increasing column order
/// (every reader gives them so; an .xlsx that does not is refused, <c>RULES.md §2</c>).
/// </summary>
public sealed record SheetRow(string Sheet, int Row, IReadOnlyList<Cell> Cells)
{
    /// <summary>The cell at a 1-based column, or an empty one (a binary search: the cells are in column
    /// order).</summary>
    public Cell this[int column]
    {
        get
        {
            int low = 0, high = Cells.Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var at = Cells[middle].Column;
                if (at == column)
                {
                    return Cells[middle];
                }

                if (at < column)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return Cell.Empty(column);
        }
    }
}
