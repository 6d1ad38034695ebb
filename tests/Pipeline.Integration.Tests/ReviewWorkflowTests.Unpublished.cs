using System.IO.Compression;
using System.Text;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §14: beside an approved upload, a newer returned one and a newer one waiting for review give nothing to
/// any published file (every file of the feed, the report and the plan's zip read inside) nor to the CKAN push:
/// neither their values, notes, commentary nor upload ids; received later, they would supersede the approved one if
/// anything let them through.
/// </summary>
public sealed partial class ReviewWorkflowTests
{
    [Fact]
    public async Task A_newer_returned_and_a_newer_pending_upload_reach_no_published_file_nor_the_ckan_push()
    {
        var folder = $"{Fifth}/kenko-fukushi-seisaku";
        var approved = await Uploads.IngestAsync(_pipeline, $"{folder}/approved.csv",
            Csv(FileWithWords(95.9m, "承認済みの備考", "承認済みの課題")));
        await Review.DecideAsync(FifthPlan, approved.UploadId!.Value, ReviewDecision.Approve, null, Secretary, SecretaryName,
            CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // received later (blob times have one-second resolution)
        var returned = await Uploads.IngestAsync(_pipeline, $"{folder}/returned.csv",
            Csv(FileWithWords(59.5m, "差戻し分の備考", "差戻し分の課題")));
        await Review.DecideAsync(FifthPlan, returned.UploadId!.Value, ReviewDecision.Return, "分母が違います", Secretary,
            SecretaryName, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var pending = await Uploads.IngestAsync(_pipeline, $"{folder}/pending.csv",
            Csv(FileWithWords(71.3m, "確認待ちの備考", "確認待ちの課題")));
        Assert.Equal(UploadStatus.PendingReview, pending.Status);

        await RunAsync();
        var published = await PublishedTextAsync(Fifth);
        Assert.Contains(FeedPaths.ReportName, published.Keys);
        Assert.Contains(FeedPaths.ZipName, published.Keys);
        Assert.Equal(95.9m, await PublishedI1K1Async());
        Assert.Contains("承認済みの課題", published[FeedPaths.JsonName], StringComparison.Ordinal);
        Assert.Contains("承認済みの課題", published[FeedPaths.ReportName], StringComparison.Ordinal);
        Assert.Contains("承認済みの備考", published[FeedPaths.ZipName], StringComparison.Ordinal);
        var revisions = published[RevisionsCsv.Name].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(revisions); // the header alone
        var pushed = CkanUploads().ToList();
        Assert.Contains(pushed, u => u.Contains("承認済みの課題", StringComparison.Ordinal));

        string[] unpublished =
        [
            "59.5", "差戻し分の備考", "差戻し分の課題", returned.UploadId!.Value.Value,
            "71.3", "確認待ちの備考", "確認待ちの課題", pending.UploadId!.Value.Value,
        ];
        foreach (var text in unpublished)
        {
            Assert.All(published, f => Assert.False(f.Value.Contains(text, StringComparison.Ordinal),
                $"{f.Key} holds {text}"));
            Assert.All(pushed, u => Assert.DoesNotContain(text, u, StringComparison.Ordinal));
        }
    }

    private static string FileWithWords(decimal value, string note, string issues) =>
        $"指標ID,年度,実績値,フラグ,備考,課題\nI-1-K1,令和7年度,{value},速報値,{note},{issues}\n";

    /// <summary>
    /// A published file as text; a zip package (the report, the plan's zip and the workbook inside it) as the text of
    /// every entry, read inside nested packages too, so that a value in any of them is found.
    /// </summary>
    private static string PackageText(byte[] content)
    {
        if (content is not [(byte)'P', (byte)'K', ..])
        {
            return Encoding.UTF8.GetString(content);
        }

        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            text.Append(entry.FullName).Append('\n').Append(PackageText(bytes.ToArray())).Append('\n');
        }

        return text.ToString();
    }
}
