using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>The problems of a file that breaks a <see cref="ReadLimits"/> bound.</summary>
internal static class Limits
{
    public static SpreadsheetReadException TooManyRows(ReadLimits limits, string sheet, int row) => new(
        ProblemCode.TooManyRows,
        $"行数が上限（{limits.MaxRows:N0} 行）を超えています。ファイルを分けてください。",
        $"The file has more than {limits.MaxRows:N0} rows; split it into several files.", sheet, row);

    public static SpreadsheetReadException TooManyColumns(ReadLimits limits, string sheet, int row, int column) => new(
        ProblemCode.TooManyColumns,
        $"列数が上限（{limits.MaxColumns:N0} 列）を超えています。",
        $"The row has more than {limits.MaxColumns:N0} columns.", sheet, row, ColumnName.Of(column));

    public static SpreadsheetReadException CellTooLong(ReadLimits limits, string sheet, int row, int column) => new(
        ProblemCode.CellTooLong,
        $"セルの文字数が上限（{limits.MaxCellCharacters:N0} 文字）を超えています。",
        $"The cell holds more than {limits.MaxCellCharacters:N0} characters.", sheet, row, ColumnName.Of(column));

    public static SpreadsheetReadException CellOutOfOrder(string sheet, int row, int column, int previous) => new(
        ProblemCode.FileUnreadable,
        $"セル {ColumnName.Of(column)}{row} が重複しているか、列の順に並んでいません（直前のセルは {ColumnName.Of(previous)}{row}）。" +
        "Excel などで開いて保存し直してください。",
        $"The cell {ColumnName.Of(column)}{row} is given twice or after a later column (the cell before it is " +
        $"{ColumnName.Of(previous)}{row}); open the file in Excel and save it again.", sheet, row,
            ColumnName.Of(column));

    public static SpreadsheetReadException RowOutOfOrder(string sheet, int row, int previous) => new(
        ProblemCode.FileUnreadable,
        $"{row} 行目が重複しているか、行の順に並んでいません（直前は {previous} 行目）。Excel などで開いて保存し直してください。",
        $"Row {row} is given twice or after a later row (the row before it is {previous}); open the file in Excel " +
        "and save it again.", sheet, row);
}
