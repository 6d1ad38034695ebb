using System.Xml;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// The worksheet reader's own ways through System.Xml (issue 27) read as the general ones they replace: an element's
/// text as <see cref="XmlReader.ReadElementContentAsString()"/> reads it, and a cell's attributes as
/// <see cref="XmlReader.GetAttribute(string)"/> finds them, side by side on the same documents.
/// </summary>
public sealed class SheetXmlReadingTests
{
    public static TheoryData<string> Elements() => new()
    {
        "<v>42</v>",
        "<v>1.5E-3</v>",
        "<v></v>",
        "<v>  12  </v>",
        "<v>&amp;&lt;&#x3042;&#12354;</v>",
        "<v>1<![CDATA[2]]>3</v>",
        "<v><![CDATA[]]></v>",
        "<v>4<!-- a comment -->2</v>",
        "<v>4<?pi x?>2</v>",
        "<v> <![CDATA[ ]]> </v>",
        "<t xml:space=\"preserve\">  はい  </t>",
        "<t>令和5年度</t>",
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void An_elements_text_and_where_the_reader_stops_are_those_of_ReadElementContentAsString(string element)
    {
        var document = $"<r>{element}<next/></r>";
        foreach (var ignoring in new[] { true, false })
        {
            var (expected, expectedNext) = Read(document, xml => xml.ReadElementContentAsString(), ignoring);
            var (actual, actualNext) = Read(document, XmlElementText.Read, ignoring);

            Assert.Equal(expected, actual);
            Assert.Equal("next", expectedNext);
            Assert.Equal(expectedNext, actualNext);
        }
    }

    [Theory]
    [InlineData("<v>1<b/>2</v>")]
    [InlineData("<v><b>2</b></v>")]
    public void An_element_holding_an_element_is_refused_by_both(string element)
    {
        var document = $"<r>{element}</r>";
        Assert.Throws<XmlException>(() => Read(document, xml => xml.ReadElementContentAsString()));
        var refused = Assert.Throws<XmlException>(() => Read(document, XmlElementText.Read));
        Assert.Contains("<v>", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.LineNumber > 0);
    }

    [Theory]
    [InlineData("<c r=\"B2\" t=\"s\" s=\"3\"/>", "B2", "s", "3")]
    [InlineData("<c s=\"7\" r=\"AA10\"/>", "AA10", null, "7")]
    [InlineData("<c/>", null, null, null)]
    [InlineData("<c xmlns:x=\"urn:x\" x:r=\"C3\" x:t=\"s\" t=\"n\"/>", null, "n", null)]
    [InlineData("<c xmlns:r=\"urn:r\" r:id=\"rId1\" r=\"D4\"/>", "D4", null, null)]
    [InlineData("<c xmlns=\"urn:default\" r=\"E5\" s=\"1\"/>", "E5", null, "1")]
    public void A_cells_attributes_are_those_GetAttribute_finds(string cell, string? r, string? t, string? s)
    {
        using var xml = XmlReader.Create(new StringReader(cell));
        xml.MoveToContent();
        var names = new SheetXmlNames(xml.NameTable);

        names.CellAttributes(xml, out var reference, out var type, out var style);

        Assert.Equal((r, t, s), (reference, type, style));
        Assert.Equal((xml.GetAttribute("r"), xml.GetAttribute("t"), xml.GetAttribute("s")), (reference, type, style));
        Assert.Equal(xml.GetAttribute("r"), names.Attribute(xml, names.R));
        Assert.Equal(XmlNodeType.Element, xml.NodeType);
        Assert.Equal(SheetXmlName.C, names.Of(xml.LocalName));
    }

    [Fact]
    public void A_name_is_recognised_only_as_the_name_tables_string()
    {
        using var xml = XmlReader.Create(new StringReader("<row/>"));
        xml.MoveToContent();
        var names = new SheetXmlNames(xml.NameTable);

        Assert.Equal(SheetXmlName.Row, names.Of(xml.LocalName));
        Assert.Equal(SheetXmlName.Other, names.Of(new string("row".AsSpan())));
        Assert.Equal(SheetXmlName.Other, names.Of("sheetData"));
    }

    /// <summary>Reads the first element under the root, as the sheet reader's settings do or with every node
    /// kept (comments, processing instructions and white space given to the reader).</summary>
    private static (string Text, string? Next) Read(string document, Func<XmlReader, string> read,
        bool ignoring = true)
    {
        using var xml = XmlReader.Create(new StringReader(document),
            new XmlReaderSettings
            {
                IgnoreComments = ignoring, IgnoreProcessingInstructions = ignoring, IgnoreWhitespace = ignoring,
            });
        xml.MoveToContent();
        xml.Read();
        var text = read(xml);
        return (text, xml.NodeType == XmlNodeType.Element ? xml.LocalName : null);
    }
}
