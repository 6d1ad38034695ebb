using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Commentary;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Publishing.Tests;

/// <summary>
/// progress-report.docx as a file (the figures against a PDF are Integration.Tests' CommitteeReportTests): valid Open
/// XML, and the same content gives the same bytes, so the content hash covers the file like every other published one.
/// </summary>
public sealed class CommitteeReportDocxTests
{
    private static readonly IndicatorCommentary Words = new("I-1-K2", new FiscalYear(2023),
        new LocalizedText("マッチングが伸びた", "Matching grew"), new LocalizedText("担い手の高齢化"), null);

    [Fact]
    public void The_same_feed_and_commentary_give_the_same_bytes_whatever_the_clock_and_every_part_carries_one_fixed_time()
    {
        var feed = FeedFilesTests.SampleFeed();
        var first = CommitteeReportDocx.Write(feed, 2023, [Words]);
        // Written again an hour later on the same day in Japan (the report states the day it was made, nothing finer).
        var again = CommitteeReportDocx.Write(feed with { GeneratedAt = feed.GeneratedAt.AddHours(1) }, 2023, [Words]);
        Assert.Equal(first, again);

        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal));

        // The published file is the report of the last year due, written the same way; other words or another day are
        // another file.
        var published = FeedFiles.Create(feed, [Words]).Single(f => f.Name == FeedPaths.ReportName);
        Assert.Equal(CommitteeReportDocx.Write(feed, CommitteeReportDocx.DefaultFiscalYear(feed), [Words]), published.Content);
        Assert.NotEqual(first, CommitteeReportDocx.Write(feed, 2023, []));
        Assert.NotEqual(first, CommitteeReportDocx.Write(feed with { GeneratedAt = feed.GeneratedAt.AddDays(1) }, 2023, [Words]));
    }

    [Fact]
    public void The_report_is_valid_open_xml_on_a4_with_the_mincho_named_and_the_commentary_of_its_year()
    {
        var bytes = CommitteeReportDocx.Write(FeedFilesTests.SampleFeed(), 2023, [Words]);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var main = document.MainDocumentPart!;
        var size = main.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single()
            .GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!;
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value)); // A4 portrait, in twips
        var fonts = main.StyleDefinitionsPart!.Styles!.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().First();
        Assert.Equal("ＭＳ 明朝", fonts.EastAsia!.Value);
        var text = main.Document.Body.InnerText;
        Assert.Contains("【評価・要因分析】マッチングが伸びた", text, StringComparison.Ordinal);
        Assert.Contains("【課題】担い手の高齢化", text, StringComparison.Ordinal);
        Assert.DoesNotContain("【今後の方向性】", text, StringComparison.Ordinal);
    }
}
