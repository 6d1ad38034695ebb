using System.Text;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Application.Review;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Review;
using Pipeline.Domain.Uploads;
using Pipeline.Infrastructure.Storage;
using Pipeline.Portal;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Publishing.Formats;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §14 on Azurite, through the blob-trigger function, the nightly run and a loopback CKAN: in the reviewed
/// 5th plan an upload waits (pending_review) and none of its values reaches any published file or the CKAN push until
/// the secretariat approves it; a returned upload is never published and its report carries the comment; approval
/// order never beats receipt order; a confirmed year makes uploads touching it wait in an automatic plan and changes
/// after it are listed as after_confirmation.
/// </summary>
public sealed partial class ReviewWorkflowTests : IDisposable
{
    private const string Fifth = "kumamoto-welfare-5";
    private const string Dataset = "welfare-5-progress";
    private const string Secretary = "secretary-oid";
    private const string SecretaryName = "事務局 花子";

    private readonly TempFolder _plans = new("plans-");
    private readonly FakeCkan _ckan = new([Dataset], "token-123");
    private readonly TestPipeline _pipeline;

    public ReviewWorkflowTests()
    {
        File.Copy(Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{Fifth}.json"), _plans.File($"{Fifth}.json"));
        _pipeline = new TestPipeline(Azurite.Instance, builder => builder.AddPortal(), new Dictionary<string, string?>
        {
            ["Pipeline:PlansPath"] = _plans.Path,
            ["Ckan:BaseUrl"] = _ckan.BaseUrl.ToString(),
            ["Ckan:ApiToken"] = _ckan.Token,
            [$"Ckan:Datasets:{Fifth}"] = Dataset,
            ["Ckan:BaseDelay"] = "00:00:00.050",
        });
    }

    public void Dispose()
    {
        _pipeline.Dispose();
        _ckan.Dispose();
        _plans.Dispose();
    }

    private Plan FifthPlan => _pipeline.Get<PlanSet>().Find(Fifth)!;

    private ReviewService Review => _pipeline.Get<ReviewService>();

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static string FifthFile(decimal value, string flag = "") =>
        $"指標ID,年度,実績値,フラグ,課題\nI-1-K1,令和7年度,{value},{flag},欠員のある校区\n";

    private async Task<Dictionary<string, string>> PublishedTextAsync(string planId)
    {
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        var folder = FeedPaths.Folder(PlanId.Parse(planId)) + "/";
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, folder, CancellationToken.None))
        {
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            files[blob.Name[folder.Length..]] = blob.Name.EndsWith(".xlsx", StringComparison.Ordinal)
                ? string.Join("\n", await WorkbookTextAsync(content))
                : PackageText(content);
        }

        return files;
    }

    /// <summary>Every cell of the workbook as text (openpyxl), so that a value in it is found as in the other files.</summary>
    private async Task<IEnumerable<string>> WorkbookTextAsync(byte[] workbook)
    {
        var path = _plans.File($"workbook-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, workbook);
        var book = await RealClients.ReadAsync("workbook", path);
        return book.GetProperty("sheets").EnumerateArray().SelectMany(s => s.GetProperty("rows").EnumerateArray())
            .SelectMany(r => r.EnumerateArray()).Select(c => c.ToString()).ToList();
    }

    private Task RunAsync() => _pipeline.Get<NightlyAggregationService>().RunAsync(new NightlyRequest(), CancellationToken.None);

    private IEnumerable<string> CkanUploads() =>
        _ckan.ResourcesOf(Dataset).Select(r => (string?)r["upload"] ?? "");

    [Fact]
    public async Task A_pending_upload_is_in_no_published_file_nor_the_ckan_push_until_the_secretariat_approves_it()
    {
        var blob = $"{Fifth}/kenko-fukushi-seisaku/R7.csv";
        var report = await Uploads.IngestAsync(_pipeline, blob, Csv(FifthFile(95.9m, "速報値")));
        Assert.Equal(UploadStatus.PendingReview, report.Status);
        Assert.Null(report.Review);

        await RunAsync();
        var before = await PublishedTextAsync(Fifth);
        Assert.Contains(FeedPaths.JsonName, before.Keys);
        Assert.Contains(RevisionsCsv.Name, before.Keys);
        Assert.All(before, f => Assert.DoesNotContain("95.9", f.Value, StringComparison.Ordinal));
        Assert.All(before, f => Assert.DoesNotContain("欠員のある校区", f.Value, StringComparison.Ordinal));
        Assert.Empty(FeedFiles.ReadJson(Encoding.UTF8.GetBytes(before[FeedPaths.JsonName])).Indicators.Single(i => i.Id == "I-1-K1").Actuals);
        Assert.NotEmpty(CkanUploads());
        Assert.All(CkanUploads(), u => Assert.DoesNotContain("95.9", u, StringComparison.Ordinal));

        // The queue shows what would change: nothing published yet → 95.9, provisional.
        var queued = Assert.Single((await Review.QueueAsync(FifthPlan, CancellationToken.None)).Pending);
        Assert.Equal(report.UploadId, queued.UploadId);
        var change = Assert.Single(queued.Changes);
        Assert.Equal(("I-1-K1", 2025, (decimal?)null, 95.9m, (ValueFlag?)ValueFlag.Provisional),
            (change.IndicatorId, change.FiscalYear, change.PreviousValue, change.Value, change.Flag));
        Assert.Equal("欠員のある校区", Assert.Single(queued.Commentary).Issues!.Ja);

        var outcome = await Review.DecideAsync(FifthPlan, report.UploadId!.Value, ReviewDecision.Approve, null, Secretary,
            SecretaryName, CancellationToken.None);
        Assert.Equal(UploadStatus.Accepted, outcome.Decided!.Status);
        Assert.Empty((await Review.QueueAsync(FifthPlan, CancellationToken.None)).Pending);

        await RunAsync();
        var after = await PublishedTextAsync(Fifth);
        var actual = FeedFiles.ReadJson(Encoding.UTF8.GetBytes(after[FeedPaths.JsonName])).Indicators
            .Single(i => i.Id == "I-1-K1").Actuals.Single();
        Assert.Equal((95.9m, (ValueFlag?)ValueFlag.Provisional), (actual.Value, actual.Flag));
        Assert.Equal(_pipeline.Clock.GetUtcNow(), Assert.Single(actual.Source!.ApprovedAt));
        Assert.Contains(CkanUploads(), u => u.Contains("95.9", StringComparison.Ordinal));
        // Never a person's name or id in open data.
        Assert.All(after, f => Assert.DoesNotContain(SecretaryName, f.Value, StringComparison.Ordinal));
        Assert.All(after, f => Assert.DoesNotContain(Secretary, f.Value, StringComparison.Ordinal));

        var approved = await Uploads.ReportAsync(_pipeline, blob);
        Assert.Equal(UploadStatus.Accepted, approved.Status);
        Assert.Equal((UploadStatus.Accepted, SecretaryName), (approved.Review!.Decision, approved.Review.DecidedBy));
    }

    [Fact]
    public async Task A_returned_upload_is_never_published_and_its_report_and_history_carry_the_comment()
    {
        var blob = $"{Fifth}/kenko-fukushi-seisaku/R7_wrong.csv";
        var report = await Uploads.IngestAsync(_pipeline, blob, Csv(FifthFile(59.5m)));
        Assert.Equal(UploadStatus.PendingReview, report.Status);
        const string comment = "分母が昨年度のものです。<b>確認</b>してください。";
        var returned = await Review.DecideAsync(FifthPlan, report.UploadId!.Value, ReviewDecision.Return, comment, Secretary,
            SecretaryName, CancellationToken.None);
        Assert.Equal(UploadStatus.Returned, returned.Decided!.Status);

        var again = await Review.DecideAsync(FifthPlan, report.UploadId!.Value, ReviewDecision.Approve, null, Secretary,
            SecretaryName, CancellationToken.None);
        Assert.Null(again.Decided);
        Assert.Equal(UploadStatus.Returned, again.AlreadyStatus);

        var stored = await Uploads.ReportAsync(_pipeline, blob);
        Assert.Equal((UploadStatus.Returned, comment), (stored.Status, stored.Review!.Comment));
        var history = await _pipeline.Get<IUploadHistory>().RecentAsync(
            PlanId.Parse(Fifth), DepartmentId.Parse("kenko-fukushi-seisaku"), 10, CancellationToken.None);
        Assert.Equal(UploadStatus.Returned, Assert.Single(history).Status);
        var decisions = await _pipeline.Get<IReviewLedger>().ReviewsAsync(PlanId.Parse(Fifth), CancellationToken.None);
        Assert.Equal(comment, decisions[report.UploadId!.Value.Value].Comment);

        await RunAsync();
        Assert.All(await PublishedTextAsync(Fifth), f => Assert.DoesNotContain("59.5", f.Value, StringComparison.Ordinal));
        Assert.All(CkanUploads(), u => Assert.DoesNotContain("59.5", u, StringComparison.Ordinal));

        // The department uploads again; approved, that is what is published.
        var fixedReport = await Uploads.IngestAsync(_pipeline, $"{Fifth}/kenko-fukushi-seisaku/R7_fixed.csv", Csv(FifthFile(95.9m)));
        await Review.DecideAsync(FifthPlan, fixedReport.UploadId!.Value, ReviewDecision.Approve, "確認しました", Secretary,
            SecretaryName, CancellationToken.None);
        await RunAsync();
        var published = await PublishedTextAsync(Fifth);
        Assert.Contains(",95.9,", published[FeedPaths.CsvName], StringComparison.Ordinal);
        Assert.DoesNotContain("59.5", published[FeedPaths.CsvName], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_an_older_upload_after_a_newer_one_never_beats_the_newer()
    {
        // Stored as the portal stores them: received in the order they were made, within one second too.
        var older = await Uploads.SubmitAsync(_pipeline, $"{Fifth}/kenko-fukushi-seisaku/older.csv", Csv(FifthFile(94.5m)));
        var newer = await Uploads.SubmitAsync(_pipeline, $"{Fifth}/kenko-fukushi-seisaku/newer.csv", Csv(FifthFile(96.5m)));

        await Review.DecideAsync(FifthPlan, newer.UploadId!.Value, ReviewDecision.Approve, null, Secretary, SecretaryName,
            CancellationToken.None);
        await RunAsync();
        Assert.Equal(96.5m, await PublishedI1K1Async());

        await Review.DecideAsync(FifthPlan, older.UploadId!.Value, ReviewDecision.Approve, null, Secretary, SecretaryName,
            CancellationToken.None);
        await RunAsync();
        Assert.Equal(96.5m, await PublishedI1K1Async());
        var revisions = (await PublishedTextAsync(Fifth))[RevisionsCsv.Name].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var revision = Assert.Single(revisions.Skip(1));
        Assert.Contains($",94.5,96.5,{older.UploadId},{newer.UploadId},", revision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmed_year_makes_uploads_touching_it_wait_in_an_automatic_plan_and_later_changes_are_marked()
    {
        var plan = _pipeline.Get<Plan>();
        Assert.False(plan.Publication.Review);
        var first = await Uploads.SubmitAsync(_pipeline, "shakyo/r5.csv", Csv("指標ID,年度,実績値\nI-1-K2,2023,350\n"));
        Assert.Equal(UploadStatus.Accepted, first.Status);

        var secretariat = _pipeline.Get<SecretariatService>();
        var confirmed = await secretariat.ConfirmAsync(plan, 2023, null, Secretary, SecretaryName, CancellationToken.None);
        Assert.True(confirmed!.Confirmed);
        Assert.Null(await secretariat.ConfirmAsync(plan, 2023, null, Secretary, SecretaryName, CancellationToken.None));

        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        var otherYear = await Uploads.SubmitAsync(_pipeline, "shakyo/r4.csv", Csv("指標ID,年度,実績値\nI-1-K2,2022,300\n"));
        Assert.Equal(UploadStatus.Accepted, otherYear.Status);
        var change = await Uploads.SubmitAsync(_pipeline, "shakyo/r5b.csv", Csv("指標ID,年度,実績値\nI-1-K2,2023,360\n"));
        Assert.Equal(UploadStatus.PendingReview, change.Status);

        await RunAsync();
        Assert.Equal(350m, await PublishedAsync(plan.Id.Value, "I-1-K2", 2023));
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        var approved = await Review.DecideAsync(plan, change.UploadId!.Value, ReviewDecision.Approve, null, Secretary,
            SecretaryName, CancellationToken.None);
        Assert.Equal((UploadStatus?)UploadStatus.Accepted, approved.Decided?.Status);
        await RunAsync();
        Assert.Equal(360m, await PublishedAsync(plan.Id.Value, "I-1-K2", 2023));
        var lines = (await PublishedTextAsync(plan.Id.Value))[RevisionsCsv.Name].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",true", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);

        // Reopened with its reason: uploads are published as they come again, and still listed as after confirmation.
        var reopened = await secretariat.ReopenAsync(plan, 2023, "推進会議で修正の申出", Secretary, SecretaryName,
            CancellationToken.None);
        Assert.Equal((false, "推進会議で修正の申出"), (reopened!.Confirmed, reopened.ReopenReason));
        _pipeline.Clock.Advance(TimeSpan.FromDays(1));
        var afterReopening = await Uploads.SubmitAsync(_pipeline, "shakyo/r5c.csv", Csv("指標ID,年度,実績値\nI-1-K2,2023,370\n"));
        Assert.Equal(UploadStatus.Accepted, afterReopening.Status);
        await RunAsync();
        lines = (await PublishedTextAsync(plan.Id.Value))[RevisionsCsv.Name].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([",true", ",true"], lines.Skip(1).Select(l => l[l.LastIndexOf(',')..]));
    }

    [Fact]
    public async Task Every_decision_confirmation_reopening_and_entry_is_kept_with_the_person_the_time_and_the_reason()
    {
        var plan = _pipeline.Get<Plan>();
        var fifth = FifthPlan;
        var pending = await Uploads.IngestAsync(_pipeline, $"{Fifth}/kenko-fukushi-seisaku/a.csv", Csv(FifthFile(95.0m)));
        var returned = await Uploads.IngestAsync(_pipeline, $"{Fifth}/kenko-fukushi-seisaku/b.csv", Csv(FifthFile(91.0m)));
        var at = _pipeline.Clock.GetUtcNow();
        await Review.DecideAsync(fifth, pending.UploadId!.Value, ReviewDecision.Approve, "数値確認済み", Secretary, SecretaryName,
            CancellationToken.None);
        await Review.DecideAsync(fifth, returned.UploadId!.Value, ReviewDecision.Return, "桁違い", Secretary, SecretaryName,
            CancellationToken.None);
        var secretariat = _pipeline.Get<SecretariatService>();
        await secretariat.ConfirmAsync(fifth, 2025, "第1回推進会議", Secretary, SecretaryName, CancellationToken.None);
        await secretariat.ReopenAsync(fifth, 2025, "修正の申出", Secretary, SecretaryName, CancellationToken.None);
        var entry = await _pipeline.Get<CommentaryEntries>().EnterAsync(fifth, fifth.FindDepartment("kenko-fukushi-seisaku")!,
            "I-1-K1", 2025, new CommentaryEntry(new LocalizedText("改選で充足"), null, null), "dept-oid", "課員 一郎",
            bySecretariat: false, CancellationToken.None);
        Assert.Equal(UploadStatus.PendingReview, entry.Recorded!.Status); // the plan is reviewed

        var audit = await _pipeline.Get<IReviewAudit>().RecentAsync(PlanId.Parse(Fifth), 50, CancellationToken.None);
        Assert.Equal(
            [
                (ReviewActionKind.Approve, Secretary, SecretaryName, "数値確認済み", pending.UploadId?.Value, (int?)null),
                (ReviewActionKind.Return, Secretary, SecretaryName, "桁違い", returned.UploadId?.Value, null),
                (ReviewActionKind.Confirm, Secretary, SecretaryName, "第1回推進会議", null, 2025),
                (ReviewActionKind.Reopen, Secretary, SecretaryName, "修正の申出", null, 2025),
                (ReviewActionKind.Commentary, "dept-oid", "課員 一郎", null, entry.Recorded!.UploadId.Value, 2025),
            ],
            audit.Select(a => (a.Kind, a.ActorId, a.ActorName, a.Reason, a.UploadId, a.FiscalYear?.Value))
                .OrderBy(a => a.Kind));
        Assert.All(audit, a => Assert.Equal(at, a.At));
        Assert.All(audit.Where(a => a.UploadId is not null && a.Kind != ReviewActionKind.Commentary),
            a => Assert.Equal("kenko-fukushi-seisaku", a.DepartmentId));
        Assert.Empty(await _pipeline.Get<IReviewAudit>().RecentAsync(plan.Id, 50, CancellationToken.None));

        // A decision and its record are one transaction in the upload's ledger partition.
        var ledger = await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable);
        var partition = $"{Fifth}~kenko-fukushi-seisaku";
        Assert.Equal(2, ledger.Count(r => r.PartitionKey == partition && r.GetString("Kind") == "audit"));
    }

    private async Task<decimal?> PublishedI1K1Async() => await PublishedAsync(Fifth, "I-1-K1", 2025);

    private async Task<decimal?> PublishedAsync(string planId, string indicatorId, int fiscalYear)
    {
        var json = (await PublishedTextAsync(planId))[FeedPaths.JsonName];
        return FeedFiles.ReadJson(Encoding.UTF8.GetBytes(json)).Indicators.Single(i => i.Id == indicatorId).Actuals
            .SingleOrDefault(a => a.FiscalYear == fiscalYear)?.Value;
    }
}
