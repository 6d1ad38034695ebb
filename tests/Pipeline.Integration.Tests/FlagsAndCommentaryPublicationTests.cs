using Pipeline.Domain.Catalogue;
using System.Text;
using Pipeline.Application.Publication;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §13 from a department's file to every published file, on Azurite: a value's flag and note (備考), and the
/// department's commentary, kept through staging, the table, the roll-up and the feed, published in progress.json,
/// progress.csv, Open SDG (COMMENT_OBS and the meta file) and the committee workbook, read back by the open-data
/// users' tools; markup in a note or a commentary stays text; a provisional value replaced by the final one is a
/// revision.
/// </summary>
public sealed class FlagsAndCommentaryPublicationTests : IDisposable
{
    private const string Name = "kumamoto-welfare-4/seikatsu-jiritsu/相談件数.csv";
    private readonly TestPipeline _pipeline = new(Azurite.Instance);
    private readonly TempFolder _published = new("published-flags-");

    public void Dispose()
    {
        using (_published)
        {
            _pipeline.Dispose();
        }
    }

    [Fact]
    public async Task Flags_notes_and_commentary_reach_every_published_file_and_a_final_figure_revises_a_provisional()
    {
        var report = await Uploads.SubmitAsync(_pipeline, Name, Encoding.UTF8.GetBytes("""
            指標ID,年度,区,実績値,フラグ,備考,評価・要因分析,評価・要因分析（英語）,課題,今後の方向性
            III-1-K1,R4,市全体,1100,,,,,,
            III-1-K1,R5,市全体,900,速報値,"<b>3月分</b>は見込み",出張相談で増えた,Outreach raised it,"=HYPERLINK(""x"")",続ける
            III-1-K1,R5,中央区,400,速報値,,出張相談で増えた,Outreach raised it,"=HYPERLINK(""x"")",続ける
            """));
        Assert.Equal(UploadStatus.Accepted, report.Status);
        var reported = report.Values.Single(v => v.FiscalYear == 2023 && v.AreaCode == "431001");
        Assert.Equal((ValueFlag?)ValueFlag.Provisional, reported.Flag);
        Assert.Equal("出張相談で増えた", Assert.Single(report.Commentary).Assessment!.Ja);

        await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        var feed = FeedFiles.ReadJson((await PublishedAsync())[FeedPaths.JsonName]);
        var indicator = feed.Indicators.Single(i => i.Id == "III-1-K1");
        var fy2023 = indicator.Actuals.Single(a => a.FiscalYear == 2023);
        Assert.Equal(((ValueFlag?)ValueFlag.Provisional, "<b>3月分</b>は見込み"), (fy2023.Flag, fy2023.Note));
        Assert.Equal(ValueFlag.Provisional, fy2023.Areas.Single(w => w.Code == "431010").Flag);
        Assert.Null(indicator.Actuals.Single(a => a.FiscalYear == 2022).Flag);
        var words = Assert.Single(indicator.Commentary!);
        Assert.Equal((2023, "Outreach raised it", "=HYPERLINK(\"x\")"),
            (words.FiscalYear, words.Assessment!.En, words.Issues!.Ja));
        Assert.Equal("seikatsu-jiritsu", words.DepartmentId);

        // The final figure: the same value without the flag, a revision all the same.
        _pipeline.Clock.Advance(TimeSpan.FromDays(30));
        const string finalName = "kumamoto-welfare-4/seikatsu-jiritsu/確報.csv";
        var final = await Uploads.SubmitAsync(_pipeline, finalName, Encoding.UTF8.GetBytes("""
            指標ID,年度,区,実績値,フラグ,備考
            III-1-K1,R5,市全体,900,確報値,<i>確定</i>
            """));
        Assert.Equal(UploadStatus.Accepted, final.Status);
        await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        var files = await PublishedAsync();
        feed = FeedFiles.ReadJson(files[FeedPaths.JsonName]);
        fy2023 = feed.Indicators.Single(i => i.Id == "III-1-K1").Actuals.Single(a => a.FiscalYear == 2023);
        Assert.Equal(((ValueFlag?)null, "<i>確定</i>"), (fy2023.Flag, fy2023.Note));
        var revision = Assert.Single(fy2023.Revisions!);
        Assert.Equal((900m, 900m, (ValueFlag?)ValueFlag.Provisional, (ValueFlag?)null),
            (revision.PreviousValue, revision.Value, revision.PreviousFlag, revision.Flag));
        var revisions = Encoding.UTF8.GetString(files[RevisionsCsv.Name]).Split("\r\n")[1];
        Assert.EndsWith(",seikatsu-jiritsu,provisional,,false", revisions, StringComparison.Ordinal);

        // The wards' FY2023 values keep the first upload's flag (the final figure gave the city's only), so the SDMX
        // read-back below meets an OBS_FLAG to compare.
        Assert.Equal(ValueFlag.Provisional, fy2023.Areas.Single(w => w.Code == "431010").Flag);
        // What users' tools read (pandas, csvclean, PyYAML, openpyxl, jsonschema, sdmx1), figure by figure, flag by flag.
        await PublishedFeedChecks.AssertAsync(_published, files);
        // page_content, which Open SDG renders as Markdown: escaped for HTML and Markdown, as PyYAML reads it.
        var meta = await RealClients.ReadAsync("yaml", _published.File(OpenSdgExport.MetaName("III-1-K1")));
        var page = meta.GetProperty("page_content").GetString()!;
        Assert.Contains(@"=HYPERLINK\(&quot;x&quot;\)", page, StringComparison.Ordinal);
        Assert.Contains("**課題（FY2023）**", page, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(files[FeedPaths.CsvName]);
        Assert.Contains(",900,false,,<i>確定</i>,", csv, StringComparison.Ordinal);

        // The dashboard (Chromium, served from the open-data container) gives the note as a footnote, as text.
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var dashboard = new Uri(container.Uri.AbsoluteUri.TrimEnd('/') + "/"
            + BlobFeedStore.Path(PlanId.Parse("kumamoto-welfare-4"), FeedPaths.DashboardName));
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var tab = await browser.OpenAsync(dashboard, 1280, 900);
        var notes = await tab.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll(
            'article[data-indicator=""III-1-K1""] ol.footnotes [data-field=note]')].map(n => n.textContent)");
        Assert.Contains("<i>確定</i>", notes);
        Assert.Equal(0, await tab.EvaluateAsync<int>(
            "() => document.querySelectorAll('ol.footnotes i, ol.footnotes b').length"));
    }

    private async Task<Dictionary<string, byte[]>> PublishedAsync()
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var folder = FeedPaths.Folder(PlanId.Parse("kumamoto-welfare-4")) + "/";
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var blobs = container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, folder, CancellationToken.None);
        await foreach (var blob in blobs)
        {
            var name = blob.Name[folder.Length..];
            if (!name.StartsWith("archive/", StringComparison.Ordinal))
            {
                files[name] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            }
        }

        return files;
    }
}
