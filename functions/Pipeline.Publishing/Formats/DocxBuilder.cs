using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Spreadsheets.Writing;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// The pieces of a Word document as Japanese offices print it (Open XML SDK): A4 portrait, 明朝 for Japanese text named
/// <c>ＭＳ 明朝</c> (full-width ＭＳ, Word's own name; LibreOffice renders it with IPAMincho), Century for Latin text,
/// 10.5 pt, headings, and tables with single 0.5 pt borders, a grey header row repeated on every page and fixed widths.
/// The same content gives the same bytes: the package's parts are written in a fixed order with one fixed time
/// (<see cref="OpenXmlPackageWriter"/>; the zip the SDK writes stamps each part with the clock), the relationship ids
/// are named (the SDK's own are random) and no document properties are written; the only date inside is the one the
/// report states. So the feed's content hash covers the file.
/// </summary>
internal static class DocxBuilder
{
    /// <summary>The Japanese typeface named in the document.</summary>
    public const string EastAsiaFont = "ＭＳ 明朝";

    /// <summary>The width of the text between the margins, in twentieths of a point (A4 11906 − 2 × 1418).</summary>
    public const int TextWidth = 9070;

    /// <summary>
    /// The document's bytes: <paramref name="content"/> streamed into the package one block at a time (<see
    /// cref="OpenXmlWriter"/>), then the A4 page.
    /// </summary>
    public static byte[] Write(IEnumerable<OpenXmlElement> content) => FeedBuffer.Bytes(output =>
    {
        var main = new OpenXmlPackagePart("word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            stream => Document(content, stream))
        {
            // Named relationship ids: the same content must give the same bytes.
            Relationships = [new("rIdStyles", OpenXmlRelationship.StylesType, "/word/styles.xml")],
        };
        OpenXmlPackageWriter.Write(output, main, "rIdDocument",
        [
            new("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
                Styles().Save),
        ]);
    });

    private static void Document(IEnumerable<OpenXmlElement> content, Stream output)
    {
        using var writer = OpenXmlPackageWriter.PartWriter(output);
        writer.WriteStartElement(new DocumentFormat.OpenXml.Wordprocessing.Document());
        writer.WriteStartElement(new Body());
        foreach (var block in content)
        {
            writer.WriteElement(block);
        }

        writer.WriteElement(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1418, Right = 1418U, Bottom = 1418, Left = 1418U, Header = 851U, Footer = 992U,
                Gutter = 0U },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = 360 }));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public static Paragraph Heading(int level, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), Run(text));

    public static Paragraph Paragraph(string text, bool bold = false, int? halfPoints = null)
    {
        var run = Run(text);
        if (bold || halfPoints is not null)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (halfPoints is { } size)
            {
                properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
            }

            run.PrependChild(properties);
        }

        return new Paragraph(run);
    }

    /// <summary>A table: a header row (repeated on each page) and rows; numbers right-aligned; widths in
    /// twips.</summary>
    public static Table Table(IReadOnlyList<int> widths, IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlySet<int>? rightAligned = null)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type =
                    TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        head.Append(header.Select((h, i) => Cell(h, widths[i], header: true, right: false)));
        table.Append(head);
        foreach (var row in rows)
        {
            var line = new TableRow(new TableRowProperties(new CantSplit()));
            line.Append(
                row.Select((value, i) =>
                    Cell(value, widths[i], header: false, right: rightAligned?.Contains(i) == true)));
            table.Append(line);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, bool header, bool right)
    {
        var properties = new TableCellProperties(new TableCellWidth
        {
            Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa,
        });
        if (header)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9D9D9", Color = "auto" });
        }

        var run = Run(text);
        var look = new RunProperties();
        if (header)
        {
            look.Append(new Bold());
        }

        look.Append(new FontSize { Val = "17" });
        run.PrependChild(look);
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new Justification { Val = right ? JustificationValues.Right : JustificationValues.Left }), run);
        return new TableCell(properties, paragraph);
    }

    private static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Century", HighAnsi = "Century", EastAsia = EastAsiaFont, ComplexScript =
                    "Times New Roman" },
                new FontSize { Val = "21" },
                new Languages { Val = "en-US", EastAsia = "ja-JP" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId =
            "Normal", Default = true },
        HeadingStyle(1, "32"), HeadingStyle(2, "26"), HeadingStyle(3, "22"));

    private static Style HeadingStyle(int level, string halfPoints) =>
        new(new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
                new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints }))
        {
            Type = StyleValues.Paragraph, StyleId = $"Heading{level}",
        };
}
