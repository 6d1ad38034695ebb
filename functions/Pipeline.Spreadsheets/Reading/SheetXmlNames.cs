using System.Xml;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The names of a worksheet part as strings of its reader's name table: an XmlReader gives each local name as the
/// one string its table holds, so a name is recognised by reference, without comparing its characters, and a
/// cell's attributes by walking them instead of hashing <c>"r"</c>, <c>"t"</c> and <c>"s"</c> on every cell
/// (issue 27). Names are local names, as before: a prefix on an element does not change what it is read as; an
/// attribute counts only without a prefix, as <see cref="XmlReader.GetAttribute(string)"/> matched it.
/// </summary>
internal sealed class SheetXmlNames(XmlNameTable table)
{
    private readonly string _row = table.Add("row");
    private readonly string _c = table.Add("c");
    private readonly string _v = table.Add("v");
    private readonly string _f = table.Add("f");
    private readonly string _rPh = table.Add("rPh");
    private readonly string _t = table.Add("t");
    private readonly string _s = table.Add("s");

    /// <summary>The attribute <c>r</c> (a row's number, a cell's reference).</summary>
    public string R { get; } = table.Add("r");

    /// <summary>What an element's local name, as the reader gave it, is.</summary>
    public SheetXmlName Of(string localName) =>
        ReferenceEquals(localName, _c) ? SheetXmlName.C
        : ReferenceEquals(localName, _v) ? SheetXmlName.V
        : ReferenceEquals(localName, _row) ? SheetXmlName.Row
        : ReferenceEquals(localName, _t) ? SheetXmlName.T
        : ReferenceEquals(localName, _f) ? SheetXmlName.F
        : ReferenceEquals(localName, _rPh) ? SheetXmlName.RPh
        : SheetXmlName.Other;

    /// <summary>The value of the current element's unprefixed attribute <paramref name="name"/> (a string of this
    /// table), or null.</summary>
    public string? Attribute(XmlReader xml, string name)
    {
        string? value = null;
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                if (ReferenceEquals(xml.LocalName, name) && xml.Prefix.Length == 0)
                {
                    value = xml.Value;
                    break;
                }
            }
            while (xml.MoveToNextAttribute());

            xml.MoveToElement();
        }

        return value;
    }

    /// <summary>The current cell's unprefixed attributes <c>r</c>, <c>t</c> and <c>s</c>, each null where not
    /// given.</summary>
    public void CellAttributes(XmlReader xml, out string? reference, out string? type, out string? style)
    {
        reference = type = style = null;
        if (!xml.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var name = xml.LocalName;
            if (xml.Prefix.Length != 0)
            {
                continue;
            }

            if (ReferenceEquals(name, R))
            {
                reference = xml.Value;
            }
            else if (ReferenceEquals(name, _t))
            {
                type = xml.Value;
            }
            else if (ReferenceEquals(name, _s))
            {
                style = xml.Value;
            }
        }
        while (xml.MoveToNextAttribute());

        xml.MoveToElement();
    }
}
