using System.Globalization;
using System.Text;
using System.Xml;
using Pipeline.Domain.Problems;


namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Reads a worksheet part's XML with System.Xml's forward-only XmlReader (DTDs prohibited, no
/// resolver): <c>&lt;row r&gt;</c>, <c>&lt;c r t s&gt;</c> and the cell's <c>&lt;v&gt;</c>, <c>&lt;f&gt;</c> or
/// <c>&lt;is&gt;&lt;t&gt;</c> (phonetic <c>&lt;rPh&gt;</c> runs left out). Anything else is skipped at any
/// depth without recursion; one row is in memory at a time. Rows and the cells of a row come in increasing order,
/// each once, as Excel writes them; a repeated or out-of-order reference is refused where it stands.
/// </summary>
internal sealed class SheetRowParser(string sheet, IReadOnlyList<string> sharedStrings, NumberFormatKind[] styles,
    bool date1904, ReadLimits limits)
{
    private readonly NameTable _names = new();
    private int _row;
    private int _column;
    private string? _type;
    private uint _style;
    private string? _value;
    private bool _formula;
    private string? _inlineText;
    private StringBuilder? _inline;
    private bool _phonetic;
    private int _cellsPerRow = 4;

    /// <summary>Where the text nodes being read belong: nowhere, the cell's <c>&lt;v&gt;</c> or an inline
    /// run's <c>&lt;t&gt;</c>.</summary>
    private enum Capture
    {
        None,
        Value,
        Run,
    }

    public static XmlReaderSettings Settings(ReadLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = limits.MaxUncompressedBytes,
        CloseInput = false,
    };

    public IEnumerable<SheetRow> Rows(Stream sheetXml)
    {
        // The element names, atomised once: the reader hands out these very strings, compared by reference.
        string rowName = _names.Add("row"), cellName = _names.Add("c"), valueName = _names.Add("v"),
            formulaName = _names.Add("f"), phoneticName = _names.Add("rPh"), textName = _names.Add("t");
        var settings = Settings(limits);
        settings.NameTable = _names;
        using var xml = XmlReader.Create(sheetXml, settings);
        List<Cell>? cells = null;
        var capture = Capture.None;
        string? run = null;
        while (xml.Read())
        {
            var node = xml.NodeType;
            if (node is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace
                or XmlNodeType.Whitespace)
            {
                // The text of a <v> or <t>, usually one node; what ReadElementContentAsString gave, without its
                // bookkeeping.
                if (capture == Capture.Value)
                {
                    _value = Limited(_value is not { Length: > 0 } ? xml.Value : _value + xml.Value);
                }
                else if (capture == Capture.Run)
                {
                    run = Limited(run is null ? xml.Value : run + xml.Value);
                }
            }
            else if (node == XmlNodeType.Element)
            {
                var name = xml.LocalName;
                if (capture != Capture.None)
                {
                    throw MarkupInValue();
                }

                if ((object)name == rowName)
                {
                    var row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture,
                        out var r) ? r : _row + 1;
                    if (row <= _row)
                    {
                        throw Limits.RowOutOfOrder(sheet, row, _row);
                    }

                    _row = row;
                    _column = 0;
                    // Rows of a sheet are alike: room for as many cells as the last row had, no regrowing.
                    cells = new List<Cell>(_cellsPerRow);
                    if (xml.IsEmptyElement)
                    {
                        yield return new SheetRow(sheet, _row, cells);
                        cells = null;
                    }
                }
                else if (cells is null)
                {
                    // Nothing outside a row is read.
                }
                else if ((object)name == cellName)
                {
                    StartCell(xml);
                    if (xml.IsEmptyElement)
                    {
                        EndCell(cells);
                    }
                }
                else if ((object)name == valueName && !xml.IsEmptyElement)
                {
                    // <v></v> is an empty text, as ReadElementContentAsString read it, not a missing value.
                    _value = "";
                    capture = Capture.Value;
                }
                else if ((object)name == formulaName)
                {
                    _formula = true;
                }
                else if ((object)name == phoneticName)
                {
                    _phonetic = !xml.IsEmptyElement;
                }
                else if ((object)name == textName && !_phonetic && !xml.IsEmptyElement)
                {
                    run = null;
                    capture = Capture.Run;
                }
            }
            else if (node == XmlNodeType.EndElement)
            {
                var name = xml.LocalName;
                if (capture == Capture.Run)
                {
                    // One run is the common case: its string is the cell's; rich text (several runs) is joined.
                    AddRun(run ?? "");
                }

                capture = Capture.None;
                if ((object)name == cellName && cells is not null)
                {
                    EndCell(cells);
                }
                else if ((object)name == phoneticName)
                {
                    _phonetic = false;
                }
                else if ((object)name == rowName && cells is not null)
                {
                    _cellsPerRow = Math.Clamp(cells.Count, 4, 64);
                    yield return new SheetRow(sheet, _row, cells);
                    cells = null;
                }
            }
        }
    }

    private void AddRun(string run)
    {
        if (_inlineText is null && _inline is null)
        {
            _inlineText = run;
        }
        else
        {
            _inline ??= new StringBuilder(_inlineText);
            _inlineText = null;
            _inline.Append(run);
            Limited(_inline.Length);
        }
    }

    private SpreadsheetReadException MarkupInValue() => new(ProblemCode.FileUnreadable,
        $"セル {ColumnName.Of(_column)}{_row} の値の中に要素があります。Excel などで開いて保存し直してください。",
        $"The value of the cell {ColumnName.Of(_column)}{_row} holds markup; open the file in Excel and save it again.",
        sheet, _row, ColumnName.Of(_column));

    private void StartCell(XmlReader xml)
    {
        // Columns strictly increase along a row, so a row holds at most MaxColumns cells: a cell given twice or
        // after a later one is refused, not read again (and SheetRow's binary search may trust the order).
        var referenced = xml.GetAttribute("r") is { } reference ? ColumnName.Parse(reference) : 0;
        var column = referenced > 0 ? referenced : _column + 1;
        if (column > limits.MaxColumns)
        {
            throw Limits.TooManyColumns(limits, sheet, _row, column);
        }

        if (column <= _column)
        {
            throw Limits.CellOutOfOrder(sheet, _row, column, _column);
        }

        _column = column;

        _type = xml.GetAttribute("t") ?? "n";
        _style = uint.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
            : 0;
        _value = null;
        _formula = false;
        _inlineText = null;
        _inline = null;
        _phonetic = false;
    }

    private void EndCell(List<Cell> cells)
    {
        if (Finish() is { } cell)
        {
            cells.Add(cell);
        }

        _type = null;
        _inlineText = null;
        _inline = null;
    }

    private string Limited(string text)
    {
        Limited(text.Length);
        return text;
    }

    private void Limited(int length)
    {
        if (length > limits.MaxCellCharacters)
        {
            throw Limits.CellTooLong(limits, sheet, _row, _column);
        }
    }

    private Cell? Finish()
    {
        var text = _value;
        if (text is null && _formula)
        {
            return Cell.OfError(_column, Cell.FormulaWithoutValue);
        }

        switch (_type)
        {
            case "s":
                var index = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                if (index < 0 || index >= sharedStrings.Count)
                {
                    throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                        "共有文字列の参照が壊れています。", "A shared-string reference is broken.", sheet, _row,
                            ColumnName.Of(_column));
                }

                return Cell.OfText(_column, sharedStrings[index]);
            case "inlineStr":
                return Cell.OfText(_column, _inlineText ?? _inline?.ToString() ?? "");
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

        var style = _style < styles.Length ? styles[_style] : NumberFormatKind.Plain;
        return style == NumberFormatKind.Date && number is > -657435 and < 2958466
            ? Cell.OfDate(_column, DateTime.FromOADate(number + (date1904 ? 1462 : 0)))
            : Cell.OfNumber(_column, number, style == NumberFormatKind.Percent);
    }
}
