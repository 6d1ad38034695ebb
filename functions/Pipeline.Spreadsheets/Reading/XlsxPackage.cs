using System.IO.Compression;
using System.Xml;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// An .xlsx package read straight from the seekable upload with System.IO.Compression (no temporary copy): the
/// declared sizes and macros are checked first (<see cref="PackageLimits"/>), then the Open Packaging Conventions'
/// <c>[Content_Types].xml</c> and relationships lead to the workbook part, whose content type must be a plain
/// workbook's (a macro-enabled workbook, a template or an add-in is refused). Parts are found by name without
/// regard to case, as OPC compares them; a part named twice, a missing part or a broken reference is refused.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private static readonly string[] RefusedTypes =
    [
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
        "application/vnd.ms-excel.addin.macroEnabled.main+xml",
    ];

    /// <summary>The content type each part read must have, by the relationship that leads to it.</summary>
    private static readonly Dictionary<string, string> PartTypes = new(StringComparer.Ordinal)
    {
        ["worksheet"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
        ["sharedStrings"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
        ["styles"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    };

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _parts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<XlsxRelationship>> _relationships = new(StringComparer.OrdinalIgnoreCase);

    private XlsxPackage(ZipArchive zip, ReadLimits limits)
    {
        _zip = zip;
        Limits = limits;
    }

    /// <summary>The limits the package is read under.</summary>
    public ReadLimits Limits { get; }

    /// <summary>The workbook part's name, such as <c>/xl/workbook.xml</c>.</summary>
    public string WorkbookPart { get; private set; } = "";

    /// <summary>Opens the package and finds its workbook part; throws a located refusal for a package that is
    /// too large, carries macros, is no plain workbook or lacks its parts.</summary>
    public static XlsxPackage Open(Stream stream, ReadLimits limits)
    {
        stream.Position = 0;
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var package = new XlsxPackage(zip, limits);
        try
        {
            package.Load();
            return package;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private void Load()
    {
        PackageLimits.Check(_zip, Limits);
        foreach (var entry in _zip.Entries)
        {
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                throw new SpreadsheetReadException(ProblemCode.UnsupportedFormat,
                    "マクロを含むブックは受け付けません。マクロなしの .xlsx で保存してください。",
                    "Workbooks with macros are not accepted; save the file as a macro-free .xlsx.");
            }

            if (!_parts.TryAdd("/" + entry.FullName, entry))
            {
                throw Broken($"パッケージに同じ名前の部品（{entry.FullName}）が二つあります。",
                    $"The package holds two parts named {entry.FullName}.");
            }
        }

        ReadContentTypes();
        var officeDocument = Relationships("/").FirstOrDefault(r => r.Is("officeDocument"))
            ?? throw Broken("Excel ブックの本体（workbook）が見つかりません。", "The package has no workbook part.");
        WorkbookPart = Target("/", officeDocument);
        if (!_parts.ContainsKey(WorkbookPart))
        {
            throw Missing(WorkbookPart);
        }

        var type = ContentType(WorkbookPart);
        if (RefusedTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw new SpreadsheetReadException(ProblemCode.UnsupportedFormat,
                "マクロ有効ブックやテンプレートは受け付けません。.xlsx で保存してください。",
                "Macro-enabled workbooks and templates are not accepted; save the file as .xlsx.");
        }

        if (!string.Equals(type, WorkbookType, StringComparison.OrdinalIgnoreCase))
        {
            throw Broken("Excel ブックの本体の種類が正しくありません。", "The workbook part is not of a workbook's type.");
        }

        CheckRelationships();
    }

    /// <summary>
    /// Every relationship inside the package must lead to a part it holds, as the Open XML SDK required when it
    /// opened the package: one that leads nowhere is refused, whichever part it belongs to.
    /// </summary>
    private void CheckRelationships()
    {
        foreach (var name in _parts.Keys.ToList())
        {
            var folder = name.LastIndexOf("/_rels/", StringComparison.OrdinalIgnoreCase);
            if (folder < 0 || !name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var source = name[..(folder + 1)] + name[(folder + "/_rels/".Length)..^".rels".Length];
            if (source != "/" && !_parts.ContainsKey(source))
            {
                continue; // the relationships of no part: nothing leads to them
            }

            foreach (var relationship in Relationships(source).Where(r => !r.External))
            {
                if (!_parts.ContainsKey(Target(source, relationship)))
                {
                    throw Missing(Target(source, relationship));
                }
            }
        }
    }

    /// <summary>The relationships of a part (<c>/</c>: the package's own), none where it has no relationship
    /// part.</summary>
    public IReadOnlyList<XlsxRelationship> Relationships(string part)
    {
        if (_relationships.TryGetValue(part, out var known))
        {
            return known;
        }

        var folder = part[..(part.LastIndexOf('/') + 1)];
        var name = folder + "_rels/" + part[folder.Length..] + ".rels";
        List<XlsxRelationship> relationships = [];
        if (_parts.TryGetValue(name, out var entry))
        {
            using var xml = XmlReader.Create(entry.Open(), Settings(Limits));
            relationships = XlsxRelationship.Read(xml);
        }

        _relationships[part] = relationships;
        return relationships;
    }

    /// <summary>The part a relationship of kind <paramref name="kind"/> leads to, checked to be of its content
    /// type.</summary>
    public string TypedTarget(string source, XlsxRelationship relationship, string kind)
    {
        var part = Target(source, relationship);
        var type = ContentType(part);
        if (!string.Equals(type, PartTypes[kind], StringComparison.OrdinalIgnoreCase))
        {
            throw Broken($"部品 {part} の種類（{type}）が正しくありません。Excel などで開いて保存し直してください。",
                $"The part {part} is not of its kind's content type ({type}); open the file in Excel and save it " +
                    "again.");
        }

        return part;
    }

    /// <summary>The part a relationship of <paramref name="source"/> points at; a relationship to something outside
    /// the package is refused.</summary>
    public static string Target(string source, XlsxRelationship relationship)
    {
        if (relationship.External)
        {
            throw Broken($"ブックが外部の参照（{relationship.Target}）を部品として指しています。",
                $"The workbook points at an outside reference ({relationship.Target}) for one of its parts.");
        }

        var target = Uri.UnescapeDataString(relationship.Target);
        var path = target.StartsWith('/') ? target : source[..(source.LastIndexOf('/') + 1)] + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>The part's content, decompressed as it is read; a part that is not there is refused.</summary>
    public Stream OpenPart(string part) =>
        _parts.TryGetValue(part, out var entry) ? entry.Open() : throw Missing(part);

    /// <summary>A reader over a part (DTDs prohibited, no resolver, characters capped).</summary>
    public XmlReader ReadPart(string part) => XmlReader.Create(OpenPart(part), Settings(Limits));

    private static XmlReaderSettings Settings(ReadLimits limits)
    {
        var settings = SheetRowParser.Settings(limits);
        settings.CloseInput = true;
        return settings;
    }

    private void ReadContentTypes()
    {
        if (!_parts.TryGetValue("/[Content_Types].xml", out var entry))
        {
            throw Broken("パッケージに [Content_Types].xml がありません。", "The package has no [Content_Types].xml.");
        }

        using var xml = XmlReader.Create(entry.Open(), Settings(Limits));
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "Override" && xml.GetAttribute("PartName") is { } part)
            {
                _overrides.TryAdd(part, xml.GetAttribute("ContentType") ?? "");
            }
            else if (xml.LocalName == "Default" && xml.GetAttribute("Extension") is { } extension)
            {
                _defaults.TryAdd(extension, xml.GetAttribute("ContentType") ?? "");
            }
        }
    }

    private string ContentType(string part) =>
        _overrides.TryGetValue(part, out var type) ? type
        : _defaults.TryGetValue(part[(part.LastIndexOf('.') + 1)..], out var byExtension) ? byExtension
        : "";

    /// <summary>A part the package names but does not hold.</summary>
    public static SpreadsheetReadException Missing(string part) => Broken(
        $"パッケージに部品 {part} がありません。Excel などで開いて保存し直してください。",
        $"The package has no part {part}; open the file in Excel and save it again.");

    /// <summary>A package that is not as the Open Packaging Conventions and SpreadsheetML say.</summary>
    public static SpreadsheetReadException Broken(string ja, string en) => new(ProblemCode.FileUnreadable, ja, en);

    public void Dispose() => _zip.Dispose();
}
