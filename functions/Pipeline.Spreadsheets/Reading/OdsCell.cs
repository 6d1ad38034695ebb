using System.Globalization;
using System.Text;
using System.Xml;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The ODF table cell being read: its value from <c>office:value-type</c> and <c>office:value</c> (a formula's
/// cached result; <c>percentage</c> reads like a %-formatted .xlsx cell, <c>date</c> from
/// <c>office:date-value</c>), or its paragraphs' text joined by line breaks, as a person sees it.
/// </summary>
internal sealed class OdsCell(ReadLimits limits)
{
    private readonly StringBuilder _text = new();
    private readonly TextPool _texts = new();
    private readonly char[] _chunk = new char[256];
    private bool _covered;
    private string? _type;
    private string? _value;
    private string? _stringValue;
    private bool _formula;
    private bool _error;
    private int _paragraphs;
    private bool _inParagraph;
    private bool _keepText;

    /// <summary>Whether a cell element is open.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>How many columns the cell stands for (<c>table:number-columns-repeated</c>).</summary>
    public long Repeat { get; private set; }

    /// <summary>Opens a cell, reading its attributes in one pass; returns its column repeat.</summary>
    public void Start(XmlReader xml, OdsNames names, bool covered)
    {
        IsOpen = true;
        Repeat = 1;
        _covered = covered;
        _text.Clear();
        _paragraphs = 0;
        _inParagraph = false;
        _type = null;
        _error = false;
        _formula = false;
        _stringValue = null;
        string? value = null, date = null, time = null, truth = null;
        for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
        {
            var ns = xml.NamespaceURI;
            var name = xml.LocalName;
            if (ReferenceEquals(ns, names.Office))
            {
                if (ReferenceEquals(name, names.ValueType)) _type = xml.Value;
                else if (ReferenceEquals(name, names.Value)) value = xml.Value;
                else if (ReferenceEquals(name, names.DateValue)) date = xml.Value;
                else if (ReferenceEquals(name, names.TimeValue)) time = xml.Value;
                else if (ReferenceEquals(name, names.BooleanValue)) truth = xml.Value;
                else if (ReferenceEquals(name, names.StringValue)) _stringValue = xml.Value;
            }
            else if (ReferenceEquals(ns, names.Table))
            {
                if (ReferenceEquals(name, names.ColumnsRepeated)) Repeat = OdsRowParser.Count(xml.Value);
                else if (ReferenceEquals(name, names.Formula)) _formula = true;
            }
            else if (ReferenceEquals(ns, names.CalcExt) && ReferenceEquals(name, names.ValueType))
            {
                _error = xml.Value == "error";
            }
        }

        xml.MoveToElement();
        if (covered)
        {
            (_type, _error, _formula, _stringValue) = (null, false, false, null);
        }

        _stringValue = _type == "string" ? _stringValue : null;
        _value = _type switch
        {
            "date" => date,
            "time" => time,
            "boolean" => truth,
            null or "string" => null,
            _ => value,
        };
        // A number's, date's or truth value's paragraphs are only its display (1,100 / 2023/4/1): not kept.
        _keepText = !covered && (_error || _type is null or "string" or "time") && _stringValue is null;
    }

    public void StartParagraph(bool empty)
    {
        if (_paragraphs++ > 0)
        {
            _text.Append('\n');
        }

        _inParagraph = !empty;
    }

    public void EndParagraph() => _inParagraph = false;

    /// <summary>Appends the text node the reader is on, read in chunks (no string is made for it), where the
    /// cell's text is kept: a number's paragraphs (its display) are passed over unread.</summary>
    public void Append(XmlReader xml, string sheet, int row, int column)
    {
        if (!_inParagraph || !_keepText)
        {
            return;
        }

        int read;
        while ((read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            Check(read, sheet, row, column);
            _text.Append(_chunk, 0, read);
        }
    }

    public void Append(char c, long count, string sheet, int row, int column)
    {
        if (_inParagraph && _keepText)
        {
            Check(count, sheet, row, column);
            _text.Append(c, (int)count);
        }
    }

    /// <summary>Closes the cell: its value, or null where it holds nothing (a covered cell holds nothing).</summary>
    public Cell? Finish()
    {
        IsOpen = false;
        if (_covered)
        {
            return null;
        }

        var column = 0; // the caller places the cell
        var text = _text.Length > 0 ? Text() : null;
        if (_error)
        {
            return Cell.OfError(column, text ?? "#ERROR");
        }

        switch (_type)
        {
            case "float" or "currency" or "percentage":
                return double.TryParse(_value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? Cell.OfNumber(column, number, _type == "percentage")
                    : Cell.OfText(column, _value ?? "");
            case "date":
                return Cell.OfDateText(column, _value);
            case "boolean":
                var truth = _value == "true";
                return new Cell(column, CellKind.Boolean, _value, truth ? 1 : 0, false);
            case "string":
                return Cell.OfText(column, _stringValue ?? text ?? "");
            case "time":
                return Cell.OfText(column, text ?? _value ?? "");
        }

        if (_formula)
        {
            return Cell.OfError(column, Cell.FormulaWithoutValue);
        }

        return text is null ? null : Cell.OfText(column, text);
    }

    /// <summary>The cell's text, the same string for the same short text (<see cref="TextPool"/>).</summary>
    private string Text()
    {
        if (_text.Length > 64)
        {
            return _text.ToString();
        }

        Span<char> chars = stackalloc char[64];
        _text.CopyTo(0, chars, _text.Length);
        return _texts.Get(chars[.._text.Length]);
    }

    private void Check(long adding, string sheet, int row, int column)
    {
        if (_text.Length + adding > limits.MaxCellCharacters)
        {
            throw Limits.CellTooLong(limits, sheet, row, column);
        }
    }
}
