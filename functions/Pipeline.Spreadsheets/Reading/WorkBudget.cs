namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The work one file may cause (<c>RULES.md §2</c>): each row the sheet reader hands out costs one, each of its
/// cells one more and the characters of its text; each data row costs the header columns it is looked up in.
/// A file may spend <see cref="ReadLimits.WorkPerByte"/> × its size in bytes, or
/// <see cref="ReadLimits.MinimumWork"/> where that is more. Past it, reading stops with <c>file_too_complex</c>
/// at the row it reached, so a small file that expands (one shared string in every cell, an .ods cell repeated
/// over thousands of columns, long texts copied across a sheet) cannot hold a worker: everything done per cell
/// costs at most a constant times its characters, so the time a file takes is bounded by its size.
/// </summary>
internal sealed class WorkBudget
{
    /// <summary>The budget of a file of <paramref name="fileBytes"/> bytes.</summary>
    public WorkBudget(long fileBytes, ReadLimits limits)
    {
        FileBytes = fileBytes;
        var perByte = Math.Max(0, limits.WorkPerByte);
        var proportional = perByte == 0 || fileBytes <= long.MaxValue / perByte ? fileBytes * perByte : long.MaxValue;
        Limit = Math.Max(limits.MinimumWork, proportional);
    }

    /// <summary>The size of the file in bytes.</summary>
    public long FileBytes { get; }

    /// <summary>The work the file may cause.</summary>
    public long Limit { get; }

    /// <summary>The work done so far.</summary>
    public long Spent { get; private set; }

    /// <summary>Work done on a row already handed out (its header lookups): counted, checked at the next row.</summary>
    public void Charge(long units) => Spent += units;

    /// <summary>The rows, each charged before it is handed out; throws when the budget is spent.</summary>
    public IEnumerable<SheetRow> Meter(IEnumerable<SheetRow> rows)
    {
        foreach (var row in rows)
        {
            Spent += Cost(row);
            if (Spent > Limit)
            {
                throw new WorkBudgetExceededException(row.Sheet, row.Row, Limit, FileBytes);
            }

            yield return row;
        }
    }

    /// <summary>What handing out a row costs: one, and for each cell one and the characters of its text.</summary>
    public static long Cost(SheetRow row)
    {
        long cost = 1;
        var cells = row.Cells;
        if (cells is CsvCells csv)
        {
            // A CSV row's texts as they are, without making a cell of each (issue 27, eighth pass).
            return cost + csv.Count + csv.TextLength;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            // By index: a foreach over the IReadOnlyList boxes its enumerator, once per row.
            cost += 1 + (cells[i].Text?.Length ?? 0);
        }

        return cost;
    }
}
