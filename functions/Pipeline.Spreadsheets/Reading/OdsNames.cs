using System.Xml;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The ODF namespaces and names the .ods reader looks at, atomised in the XmlReader's name table so that each
/// element and attribute is told by reference, not by comparing strings.
/// </summary>
internal sealed class OdsNames(XmlNameTable table)
{
    public string Table { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:table:1.0");
    public string Text { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
    public string Office { get; } = table.Add("urn:oasis:names:tc:opendocument:xmlns:office:1.0");
    public string CalcExt { get; } = table.Add("urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0");
    public string TableCell { get; } = table.Add("table-cell");
    public string CoveredCell { get; } = table.Add("covered-table-cell");
    public string TableRow { get; } = table.Add("table-row");
    public string TableElement { get; } = table.Add("table");
    public string P { get; } = table.Add("p");
    public string H { get; } = table.Add("h");
    public string ValueType { get; } = table.Add("value-type");
    public string Value { get; } = table.Add("value");
    public string DateValue { get; } = table.Add("date-value");
    public string TimeValue { get; } = table.Add("time-value");
    public string BooleanValue { get; } = table.Add("boolean-value");
    public string StringValue { get; } = table.Add("string-value");
    public string Formula { get; } = table.Add("formula");
    public string ColumnsRepeated { get; } = table.Add("number-columns-repeated");
}
