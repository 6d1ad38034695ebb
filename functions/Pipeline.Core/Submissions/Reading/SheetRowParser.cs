using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Core.Submissions.Reading;

/// <summary>
/// Turns the SAX events of a worksheet into rows: <c>&lt;row r&gt;</c>, <c>&lt;c r t s&gt;</c> and the
/// cell's <c>&lt;v&gt;</c>, <c>&lt;f&gt;</c> or <c>&lt;is&gt;&lt;t&gt;</c>. Anything else is skipped, at any depth.
/// </summary>
internal sealed class SheetRowParser(string sheet, IReadOnlyList<string> sharedStrings, NumberFormatKind[] styles, bool date1904, ReadLimits limits)
{
    private List<Cell>? _cells;
    private int _row;
    private int _column;
    private CellState _cell;

    private struct CellState
    {
        public bool Open;
        public string? Type;
        public uint Style;
        public string? Value;
        public bool HasFormula;
        public System.Text.StringBuilder? Inline;
        public bool InPhonetic;
    }

    /// <summary>Takes one reader event; returns a row when its end tag is reached.</summary>
    public SheetRow? Accept(OpenXmlReader reader)
    {
        var type = reader.ElementType;
        if (type == typeof(Row))
        {
            if (reader.IsStartElement)
            {
                _row = Attribute(reader, "r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : _row + 1;
                _cells = [];
                _column = 0;
                return null;
            }

            var row = new SheetRow(sheet, _row, _cells ?? []);
            _cells = null;
            return row;
        }

        if (_cells is null)
        {
            return null;
        }

        if (type == typeof(DocumentFormat.OpenXml.Spreadsheet.Cell))
        {
            if (reader.IsStartElement)
            {
                var referenced = Attribute(reader, "r") is { } reference ? ColumnName.Parse(reference) : 0;
                _column = referenced > 0 ? referenced : _column + 1;
                if (_column > limits.MaxColumns)
                {
                    throw Limits.TooManyColumns(limits, sheet, _row, _column);
                }

                _cell = new CellState
                {
                    Open = true,
                    Type = Attribute(reader, "t"),
                    Style = uint.TryParse(Attribute(reader, "s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0,
                };
            }
            else
            {
                if (Finish() is { } cell)
                {
                    _cells.Add(cell);
                }

                _cell = default;
            }

            return null;
        }

        if (!_cell.Open)
        {
            return null;
        }

        if (type == typeof(CellValue) && reader.IsStartElement)
        {
            _cell.Value = Limited(reader.GetText());
        }
        else if (type == typeof(CellFormula) && reader.IsStartElement)
        {
            _cell.HasFormula = true;
        }
        else if (type == typeof(PhoneticRun))
        {
            _cell.InPhonetic = reader.IsStartElement;
        }
        else if (type == typeof(Text) && reader.IsStartElement && !_cell.InPhonetic)
        {
            _cell.Inline ??= new System.Text.StringBuilder();
            _cell.Inline.Append(reader.GetText());
            Limited(_cell.Inline.ToString());
        }

        return null;
    }

    private string Limited(string text) =>
        text.Length > limits.MaxCellCharacters ? throw Limits.CellTooLong(limits, sheet, _row, _column) : text;

    private Cell? Finish()
    {
        var text = _cell.Value;
        if (text is null && _cell.HasFormula)
        {
            return Cell.OfError(_column, "formula-without-cached-value");
        }

        switch (_cell.Type)
        {
            case "s":
                var index = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                if (index < 0 || index >= sharedStrings.Count)
                {
                    throw new SpreadsheetReadException("file_unreadable",
                        "共有文字列の参照が壊れています。", "A shared-string reference is broken.", sheet, _row, ColumnName.Of(_column));
                }

                return Cell.OfText(_column, sharedStrings[index]);
            case "inlineStr":
                return Cell.OfText(_column, _cell.Inline?.ToString() ?? "");
            case "str":
                return Cell.OfText(_column, text ?? "");
            case "b":
                return new Cell(_column, CellKind.Boolean, text, text == "1" ? 1 : 0, false, default);
            case "e":
                return Cell.OfError(_column, text ?? "#ERROR");
            case "d":
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? Cell.OfDate(_column, date)
                    : Cell.OfText(_column, text ?? "");
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Cell.OfText(_column, text);
        }

        var style = _cell.Style < styles.Length ? styles[_cell.Style] : NumberFormatKind.Plain;
        return style == NumberFormatKind.Date && number is > -657435 and < 2958466
            ? Cell.OfDate(_column, DateTime.FromOADate(number + (date1904 ? 1462 : 0)))
            : Cell.OfNumber(_column, number, style == NumberFormatKind.Percent);
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
