using Pipeline.Spreadsheets.Headers;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// Follows the rows of a file sheet by sheet (<c>RULES.md §2</c>): looks for the header (one row or two) among
/// the first rows of each sheet, skips blank and note rows (※, 注) and total rows (合計, 小計 … with a warning),
/// and hands each data row to the evaluation or the indicator rules.
/// </summary>
internal sealed class SheetInterpreter(FileReading context, HeaderVocabulary vocabulary)
{
    private const int HeaderSearchRows = 30;

    /// <summary>Labels of total and subtotal rows, never read as an indicator.</summary>
    private static readonly HashSet<string> TotalRowWords =
        new(StringComparer.Ordinal) { "合計", "計", "小計", "総計", "全体", "総数", "累計", "total", "subtotal" };

    private readonly IndicatorRows _indicatorRows = new(context);
    private readonly EvaluationRows _evaluationRows = new(context);
    private readonly List<Cell> _indicatorCells = [];
    private readonly Dictionary<string, bool> _totalLabels = new(StringComparer.Ordinal);
    private string? _sheet;
    private int _sheetFirstRow;
    private HeaderMap? _header;
    private SheetRow? _headerRow;
    private bool _skipSheet;
    private string? _lastLabel;
    private bool _lastLabelIsTotal;

    /// <summary>Whether any sheet had a recognised header row.</summary>
    public bool AnyHeader { get; private set; }

    /// <summary>Finds headers, and remembers the likeliest one for a refusal.</summary>
    public HeaderFinder Headers { get; } = new(vocabulary);

    public void Accept(SheetRow row)
    {
        if (row.Sheet != _sheet)
        {
            _sheet = row.Sheet;
            _sheetFirstRow = row.Row;
            _header = null;
            _skipSheet = false;
            Headers.Reset();
        }

        if (_skipSheet)
        {
            return;
        }

        if (_header is null)
        {
            if (row.Row - _sheetFirstRow < HeaderSearchRows && Headers.TryFind(row) is { } found)
            {
                AnyHeader = true;
                _headerRow = row;
                Use(found, row);
            }

            return;
        }

        if (_headerRow is { } headerRow)
        {
            // The row under a header may hold its column headings (a group title above them).
            _headerRow = null;
            if (Headers.TryContinue(headerRow, row) is { } twoRows)
            {
                Use(twoRows, row);
                return;
            }
        }

        var first = FirstCell(row);
        if (first.Kind == CellKind.Empty)
        {
            return;
        }

        // A data row is looked up in every column of the header: that work is the file's too.
        context.Budget.Charge(_header.Columns);
        var output = context.Output;
        output.RowsRead++;
        if (first.Kind == CellKind.Text && IsNote(first.Text!))
        {
            output.RowsSkipped++;
            return;
        }

        if (TotalLabel(row, first) is { } total)
        {
            context.Problems.Add(ProblemCatalog.TotalRowSkipped(FileReading.At(row, total.Column), total.Display));
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
            context.Problems.Add(
                ProblemCatalog.IndicatorMissing(FileReading.At(row, _header.IndicatorColumns.FirstOrDefault())));
            return;
        }

        _indicatorRows.Read(row, _header, _indicatorCells);
    }

    private void Use(HeaderMap header, SheetRow row)
    {
        _header = header;
        if (header.Ambiguous.Count > 0)
        {
            context.Problems.Add(ProblemCatalog.HeaderAmbiguous(row.Sheet, row.Row, header.Ambiguous));
            _skipSheet = true;
        }
    }

    /// <summary>The cell that makes this a total or subtotal row: the row's label or its indicator cell.</summary>
    private Cell? TotalLabel(SheetRow row, Cell first)
    {
        if (first.Kind == CellKind.Text && IsTotalWord(first.Text!))
        {
            return first;
        }

        foreach (var column in _header!.IndicatorColumns)
        {
            // The first cell, already asked, is usually the indicator's.
            if (column != first.Column && row[column] is { Kind: CellKind.Text } cell && IsTotalWord(cell.Text!))
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>Whether a label is a total's; each distinct label of a file is keyed once (ids repeat on every
    /// row), at most 4,096 of them remembered.</summary>
    private bool IsTotalWord(string text)
    {
        if (string.Equals(text, _lastLabel))
        {
            // The row before's text (an id on every row): the same string from the CSV reader, an equal one from an
            // .xlsx's inline texts.
            return _lastLabelIsTotal;
        }

        if (!_totalLabels.TryGetValue(text, out var total))
        {
            total = TotalRowWords.Contains(JapaneseText.Key(text));
            if (_totalLabels.Count < 4096)
            {
                _totalLabels[text] = total;
            }
        }

        _lastLabel = text;
        _lastLabelIsTotal = total;
        return total;
    }

    private static Cell FirstCell(SheetRow row)
    {
        var cells = row.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsBlank)
            {
                return cells[i];
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
