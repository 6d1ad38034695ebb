using Pipeline.Core.Submissions.Reading;

namespace Pipeline.Core.Submissions;

/// <summary>
/// Follows the rows of a file sheet by sheet (<c>RULES.md §2</c>): looks for the header row among the first
/// rows of each sheet, skips blank and note rows (※, 注), and hands each data row to the evaluation or the
/// indicator rules.
/// </summary>
internal sealed class SheetInterpreter(RowContext context)
{
    private const int HeaderSearchRows = 30;

    private readonly IndicatorRows _indicatorRows = new(context);
    private readonly EvaluationRows _evaluationRows = new(context);
    private readonly List<Cell> _indicatorCells = [];
    private string? _sheet;
    private int _sheetFirstRow;
    private HeaderMap? _header;

    /// <summary>Whether any sheet had a recognised header row.</summary>
    public bool AnyHeader { get; private set; }

    public void Accept(SheetRow row)
    {
        if (row.Sheet != _sheet)
        {
            _sheet = row.Sheet;
            _sheetFirstRow = row.Row;
            _header = null;
        }

        if (_header is null)
        {
            if (row.Row - _sheetFirstRow < HeaderSearchRows)
            {
                _header = HeaderMap.TryDetect(row);
                AnyHeader |= _header is not null;
            }

            return;
        }

        var first = FirstCell(row);
        if (first.Kind == CellKind.Empty)
        {
            return;
        }

        var output = context.Output;
        output.RowsRead++;
        if (first.Kind == CellKind.Text && IsNote(first.Text!))
        {
            output.RowsSkipped++;
            return;
        }

        foreach (var column in _header.InitiativeColumns)
        {
            if (row[column] is { IsBlank: false } initiativeCell)
            {
                _evaluationRows.Read(row, _header, initiativeCell);
                return;
            }
        }

        _indicatorCells.Clear();
        foreach (var column in _header.IndicatorColumns)
        {
            if (row[column] is { IsBlank: false } cell)
            {
                _indicatorCells.Add(cell);
            }
        }

        if (_indicatorCells.Count == 0)
        {
            context.Problems.Add(ProblemCatalog.IndicatorMissing(RowContext.At(row, _header.IndicatorColumns.FirstOrDefault())));
            return;
        }

        _indicatorRows.Read(row, _header, _indicatorCells);
    }

    private static Cell FirstCell(SheetRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (!cell.IsBlank)
            {
                return cell;
            }
        }

        return default;
    }

    private static bool IsNote(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '※' or '注';
    }
}
