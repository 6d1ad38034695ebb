using System.Text;
using System.Xml;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Reads an ODF spreadsheet's <c>content.xml</c> with a forward-only XmlReader (DTDs prohibited, no resolver,
/// characters and element depth capped): each <c>table:table</c> is a sheet, each <c>table:table-row</c> a row,
/// each <c>table:table-cell</c> a cell (<see cref="OdsCell"/>). Repeated rows and cells
/// (<c>table:number-rows-repeated</c>, <c>table:number-columns-repeated</c>) only move the row and column
/// counters while they are empty; only repeats that hold something are materialised, and they count against the
/// row and column limits. Covered cells (under a merged cell) read as empty, as an .xlsx merge does.
/// </summary>
internal sealed class OdsRowParser(Func<string, bool> includeSheet, ReadLimits limits)
{
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private OdsNames _names = null!;
    private readonly OdsCell _cell = new(limits);
    private string _sheet = "";
    private long _row;
    private long _rowRepeat;
    private long _column;
    private long _rowsRead;
    private List<Cell>? _cells;

    public IEnumerable<SheetRow> Rows(Stream contentXml)
    {
        var settings = SheetRowParser.Settings(limits);
        settings.IgnoreWhitespace = false; // a space between two spans of a paragraph is text
        using var xml = XmlReader.Create(contentXml, settings);
        _names = new OdsNames(xml.NameTable);
        var n = _names;
        var inSheet = false;
        var advanced = false;
        while (advanced ? !xml.EOF : xml.Read())
        {
            advanced = false;
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    if (xml.Depth > limits.MaxElementDepth)
                    {
                        throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                            $"XML の要素の入れ子が上限（{limits.MaxElementDepth} 段）を超えています。",
                            $"The XML nests elements deeper than the limit of {limits.MaxElementDepth}.",
                            inSheet ? _sheet : null, inSheet ? (int)Math.Min(_row + 1, int.MaxValue) : null);
                    }

                    if (_cell.IsOpen)
                    {
                        advanced = InCell(xml);
                    }
                    else if (ReferenceEquals(xml.NamespaceURI, n.Table))
                    {
                        var name = xml.LocalName;
                        if (ReferenceEquals(name, n.TableCell) || ReferenceEquals(name, n.CoveredCell))
                        {
                            if (_cells is not null)
                            {
                                _cell.Start(xml, n, ReferenceEquals(name, n.CoveredCell));
                                if (xml.IsEmptyElement)
                                {
                                    EndCell();
                                }
                            }

                            break;
                        }

                        switch (name)
                        {
                            case "table" when !inSheet:
                                _sheet = xml.GetAttribute("name", TableNs) ?? "";
                                if (!includeSheet(_sheet) || xml.IsEmptyElement)
                                {
                                    xml.Skip();
                                    advanced = true;
                                    break;
                                }

                                inSheet = true;
                                _row = 0;
                                break;
                            case "table-row" when inSheet:
                                _rowRepeat = Repeat(xml, "number-rows-repeated");
                                _column = 0;
                                _cells = [];
                                if (xml.IsEmptyElement)
                                {
                                    _row += _rowRepeat;
                                    _cells = null;
                                }

                                break;
                        }
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                    or XmlNodeType.CDATA when _cell.IsOpen:
                    _cell.Append(xml, _sheet, RowNumber, CellColumn);
                    break;
                case XmlNodeType.EndElement:
                    if (_cell.IsOpen)
                    {
                        var name = xml.LocalName;
                        if (ReferenceEquals(xml.NamespaceURI, n.Table)
                            && (ReferenceEquals(name, n.TableCell) || ReferenceEquals(name, n.CoveredCell)))
                        {
                            EndCell();
                        }
                        else if (ReferenceEquals(xml.NamespaceURI, n.Text)
                            && (ReferenceEquals(name, n.P) || ReferenceEquals(name, n.H)))
                        {
                            _cell.EndParagraph();
                        }
                    }
                    else if (xml.NamespaceURI == TableNs && xml.LocalName == "table-row" && _cells is not null)
                    {
                        foreach (var row in EndRow())
                        {
                            yield return row;
                        }
                    }
                    else if (xml.NamespaceURI == TableNs && xml.LocalName == "table")
                    {
                        inSheet = false;
                    }

                    break;
            }
        }
    }

    private int RowNumber => (int)Math.Min(_row + 1, int.MaxValue);

    private int CellColumn => (int)Math.Min(_column + 1, int.MaxValue);

    /// <summary>An element inside a cell: paragraph text and its spaces, tabs and line breaks; anything else that is
    /// not text is skipped.</summary>
    private bool InCell(XmlReader xml)
    {
        if (ReferenceEquals(xml.NamespaceURI, _names.Text))
        {
            switch (xml.LocalName)
            {
                case "p" or "h":
                    _cell.StartParagraph(xml.IsEmptyElement);
                    return false;
                case "s":
                    var count = long.TryParse(xml.GetAttribute("c", TextNs), out var c) && c > 0 ? c : 1;
                    _cell.Append(' ', count, _sheet, RowNumber, CellColumn);
                    return false;
                case "tab":
                    _cell.Append('\t', 1, _sheet, RowNumber, CellColumn);
                    return false;
                case "line-break":
                    _cell.Append('\n', 1, _sheet, RowNumber, CellColumn);
                    return false;
                case "note" or "ruby-text" or "tracked-changes":
                    break; // footnotes and phonetic guides (ルビ) are not the cell's text
                default:
                    return false; // spans, links, fields: their text is the cell's
            }
        }

        // Comments (office:annotation), drawings, sub-tables: not the cell's value.
        xml.Skip();
        return true;
    }

    private void EndCell()
    {
        var repeat = _cell.Repeat;
        if (_cell.Finish() is { IsBlank: false } cell)
        {
            var last = _column + repeat;
            if (last > limits.MaxColumns)
            {
                throw Limits.TooManyColumns(limits, _sheet, RowNumber,
                    (int)Math.Min(Math.Max(_column + 1, limits.MaxColumns + 1L), int.MaxValue));
            }

            for (var column = _column + 1; column <= last; column++)
            {
                _cells!.Add(cell with { Column = (int)column });
            }
        }

        _column += repeat;
    }

    private IEnumerable<SheetRow> EndRow()
    {
        var cells = _cells!;
        var first = _row + 1;
        _row += _rowRepeat;
        _cells = null;
        if (cells.Count == 0)
        {
            yield break; // empty rows, however many are claimed, cost nothing
        }

        if (_rowsRead + _rowRepeat > limits.MaxRows)
        {
            throw Limits.TooManyRows(limits, _sheet, (int)Math.Min(first + limits.MaxRows - _rowsRead, int.MaxValue));
        }

        if (_row > int.MaxValue)
        {
            throw Limits.TooManyRows(limits, _sheet, int.MaxValue);
        }

        _rowsRead += _rowRepeat;
        for (var row = first; row <= _row; row++)
        {
            yield return new SheetRow(_sheet, (int)row, cells);
        }
    }

    /// <summary>A repeat count: 1 unless the attribute holds a positive number (huge ones are kept, never
    /// allocated).</summary>
    private static long Repeat(XmlReader xml, string attribute) => Count(xml.GetAttribute(attribute, TableNs));

    /// <summary>A repeat count's value: 1 unless a positive number.</summary>
    public static long Count(string? value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var n) && n > 0 ? Math.Min(n, int.MaxValue) : 1;
}
