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
        using var xml = XmlReader.Create(sheetXml, Settings(limits));
        // The reader gives every name as the one string of its name table: names are compared by reference, and
        // attributes found by walking them, not looked up by name in that table on each cell (issue 27).
        var names = new SheetXmlNames(xml.NameTable);
        List<Cell>? cells = null;
        var advanced = false;
        while (advanced ? !xml.EOF : xml.Read())
        {
            advanced = false;
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (names.Of(xml.LocalName))
                {
                    case SheetXmlName.Row:
                        var row =
                            int.TryParse(names.Attribute(xml, names.R), NumberStyles.None,
                                CultureInfo.InvariantCulture, out var r) ? r : _row + 1;
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

                        break;
                    case SheetXmlName.C when cells is not null:
                        StartCell(xml, names);
                        if (xml.IsEmptyElement)
                        {
                            EndCell(cells);
                        }

                        break;
                    case SheetXmlName.V when cells is not null && !xml.IsEmptyElement:
                        _value = Limited(XmlElementText.Read(xml));
                        advanced = true;
                        break;
                    case SheetXmlName.F when cells is not null:
                        _formula = true;
                        break;
                    case SheetXmlName.RPh:
                        _phonetic = !xml.IsEmptyElement;
                        break;
                    case SheetXmlName.T when cells is not null && !_phonetic && !xml.IsEmptyElement:
                        // One run is the common case: its string is the cell's; rich text (several runs) is joined.
                        var run = XmlElementText.Read(xml);
                        if (_inlineText is null && _inline is null)
                        {
                            _inlineText = Limited(run);
                        }
                        else
                        {
                            _inline ??= new StringBuilder(_inlineText);
                            _inlineText = null;
                            _inline.Append(run);
                            Limited(_inline.Length);
                        }

                        advanced = true;
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (names.Of(xml.LocalName))
                {
                    case SheetXmlName.C when cells is not null:
                        EndCell(cells);
                        break;
                    case SheetXmlName.RPh:
                        _phonetic = false;
                        break;
                    case SheetXmlName.Row when cells is not null:
                        _cellsPerRow = Math.Clamp(cells.Count, 4, 64);
                        yield return new SheetRow(sheet, _row, cells);
                        cells = null;
                        break;
                }
            }
        }
    }

    private void StartCell(XmlReader xml, SheetXmlNames names)
    {
        names.CellAttributes(xml, out var reference, out var type, out var style);
        // Columns strictly increase along a row, so a row holds at most MaxColumns cells: a cell given twice or
        // after a later one is refused, not read again (and SheetRow's binary search may trust the order).
        var referenced = reference is not null ? ColumnName.Parse(reference) : 0;
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

        _type = type ?? "n";
        _style = uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
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
                return new Cell(_column, CellKind.Boolean, text, text == "1" ? 1 : 0, false);
            case "e":
                return Cell.OfError(_column, text ?? "#ERROR");
            case "d":
                return Cell.OfDateText(_column, text);
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        double number;
        if (AsciiWholeNumber.TryParse(text, out var whole))
        {
            // Most numbers of a sheet are counts: read without the general parser (issue 27, eighth pass).
            number = whole;
        }
        else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return Cell.OfText(_column, text);
        }

        var style = _style < styles.Length ? styles[_style] : NumberFormatKind.Plain;
        var serial = number + (date1904 ? 1462 : 0); // a serial of the 1904 system as one of the 1900 system
        return style == NumberFormatKind.Date && serial is > -657435 and < 2958466
            ? Cell.OfDate(_column, DateTime.FromOADate(serial))
            : Cell.OfNumber(_column, number, style == NumberFormatKind.Percent);
    }
}
