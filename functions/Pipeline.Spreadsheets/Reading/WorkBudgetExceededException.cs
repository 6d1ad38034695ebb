namespace Pipeline.Spreadsheets.Reading;

/// <summary>A file asked for more work than its <see cref="WorkBudget"/>: where reading stopped, and the
/// budget.</summary>
public sealed class WorkBudgetExceededException(string sheet, int row, long limit, long fileBytes)
    : Exception($"The file's work budget of {limit} units ({fileBytes} bytes) is spent at {sheet} row {row}.")
{
    /// <summary>The sheet reading stopped in.</summary>
    public string Sheet { get; } = sheet;

    /// <summary>The row reading stopped at.</summary>
    public int Row { get; } = row;

    /// <summary>The work the file was allowed.</summary>
    public long Limit { get; } = limit;

    /// <summary>The file's size in bytes.</summary>
    public long FileBytes { get; } = fileBytes;
}
