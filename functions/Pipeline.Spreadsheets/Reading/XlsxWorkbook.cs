using System.Text;
using System.Xml;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// What the sheets of an .xlsx need from its workbook, read once with XmlReader: the sheets in order (name and
/// relationship id), the 1904 date system, the shared strings (without their phonetic <c>rPh</c> runs) and what each
/// cell style's number format shows (<see cref="NumberFormatKind"/>).
/// </summary>
internal sealed class XlsxWorkbook
{
    private readonly XlsxPackage _package;
    private readonly IReadOnlyList<XlsxRelationship> _relationships;

    private XlsxWorkbook(XlsxPackage package)
    {
        _package = package;
        _relationships = package.Relationships(package.WorkbookPart);
    }

    /// <summary>The sheets in the workbook's order: name, and relationship id where it has one.</summary>
    public List<(string Name, string? Id)> Sheets { get; } = [];

    /// <summary>Whether dates count from 1904 (<c>workbookPr date1904</c>).</summary>
    public bool Date1904 { get; private set; }

    /// <summary>The shared strings, by index.</summary>
    public List<string> SharedStrings { get; } = [];

    /// <summary>What each cell style (<c>cellXfs</c>, by index) shows a number as.</summary>
    public NumberFormatKind[] Styles { get; private set; } = [];

    /// <summary>Reads the workbook part, its shared strings and its styles.</summary>
    public static XlsxWorkbook Read(XlsxPackage package)
    {
        var workbook = new XlsxWorkbook(package);
        workbook.ReadWorkbook();
        if (workbook.Part("sharedStrings") is { } strings)
        {
            workbook.ReadSharedStrings(strings);
        }

        if (workbook.Part("styles") is { } styles)
        {
            using var xml = package.ReadPart(styles);
            workbook.Styles = XlsxStyles.Read(xml);
        }

        return workbook;
    }

    /// <summary>The worksheet part of a sheet's relationship, or null where it is another kind of sheet (a chart
    /// sheet); an id the workbook does not relate is refused.</summary>
    public string? WorksheetPart(string sheet, string id)
    {
        var relationship = _relationships.FirstOrDefault(r => r.Id == id)
            ?? throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                $"シート「{sheet}」の中身が見つかりません（{id}）。Excel などで開いて保存し直してください。",
                $"The content of the sheet '{sheet}' is not found ({id}); open the file in Excel and save it again.",
                sheet);
        return relationship.Is("worksheet") ? _package.TypedTarget(_package.WorkbookPart, relationship, "worksheet")
            : null;
    }

    private string? Part(string kind) => _relationships.FirstOrDefault(r => r.Is(kind)) is { } relationship
        ? _package.TypedTarget(_package.WorkbookPart, relationship, kind)
        : null;

    private void ReadWorkbook()
    {
        using var xml = _package.ReadPart(_package.WorkbookPart);
        xml.MoveToContent();
        if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "workbook")
        {
            throw XlsxPackage.Broken("Excel ブックの本体が workbook ではありません。", "The workbook part holds no workbook.");
        }

        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.Depth == 1 && xml.LocalName == "workbookPr" && xml.GetAttribute("date1904") is { } date1904)
            {
                Date1904 = date1904.Trim() switch
                {
                    "1" or "true" => true,
                    "0" or "false" => false,
                    _ => throw XlsxPackage.Broken("ブックの日付の設定（date1904）が壊れています。",
                        "The workbook's date setting (date1904) is broken."),
                };
            }
            else if (xml.Depth == 2 && xml.LocalName == "sheet")
            {
                Sheets.Add((xml.GetAttribute("name") ?? "", RelationshipId(xml)));
            }
        }
    }

    private static string? RelationshipId(XmlReader xml) =>
        xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
        ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");

    private void ReadSharedStrings(string part)
    {
        var limits = _package.Limits;
        using var xml = _package.ReadPart(part);
        long characters = 0;
        string? single = null;
        StringBuilder? runs = null;
        var inItem = false;
        var phonetic = false;
        var advanced = false;
        while (advanced ? !xml.EOF : xml.Read())
        {
            advanced = false;
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "si" when xml.IsEmptyElement:
                        SharedStrings.Add("");
                        break;
                    case "si":
                        inItem = true;
                        single = null;
                        runs = null;
                        break;
                    case "rPh":
                        phonetic = !xml.IsEmptyElement;
                        break;
                    case "t" when inItem && !phonetic && !xml.IsEmptyElement:
                        var text = xml.ReadElementContentAsString();
                        advanced = true;
                        characters += text.Length;
                        if (characters > limits.MaxSharedStringCharacters)
                        {
                            throw new SpreadsheetReadException(ProblemCode.FileTooLarge,
                                $"共有文字列表が上限（{limits.MaxSharedStringCharacters:N0} 文字）を超えています。",
                                $"The shared-string table holds more than {limits.MaxSharedStringCharacters:N0} " +
                                    "characters.");
                        }

                        if (single is null && runs is null)
                        {
                            single = text;
                        }
                        else
                        {
                            (runs ??= new StringBuilder(single)).Append(text);
                            single = null;
                        }

                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "si" when inItem:
                        SharedStrings.Add(single ?? runs?.ToString() ?? "");
                        inItem = false;
                        break;
                    case "rPh":
                        phonetic = false;
                        break;
                }
            }
        }
    }
}
