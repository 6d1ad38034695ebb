namespace Pipeline.Spreadsheets.Reading;

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
