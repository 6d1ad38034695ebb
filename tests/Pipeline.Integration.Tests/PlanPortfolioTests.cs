using System.Text;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Progress;
using Pipeline.Domain.Uploads;
using Pipeline.Publishing;
using Pipeline.Publishing.Document;
using Pipeline.Domain.Problems;

namespace Pipeline.Integration.Tests;

/// <summary>
/// RULES.md §2 and §7 on Azurite: two plans (the built-in kumamoto-welfare-4, closed, with wards; the
/// sample tamana-health-3, active, without wards) ingested and published side by side in one run, both
/// with an indicator I-1-K1, and a broken plan file beside them that is reported and not served.
/// </summary>
public sealed class PlanPortfolioTests : IDisposable
{
    private const string Kumamoto = "kumamoto-welfare-4";
    private const string Tamana = "tamana-health-3";
    private readonly TempFolder _plans = new("plans-");
    private readonly TestPipeline _pipeline;

    public PlanPortfolioTests()
    {
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), "samples", "plans", $"{Tamana}.json"), _plans.File($"{Tamana}.json"));
            File.WriteAllText(_plans.File("broken-plan.json"),
                """{ "id": "broken-plan", "name": { "en": "no Japanese" }, "startFiscalYear": 2025, "endFiscalYear": 2029 }""");
            _pipeline = new TestPipeline(Azurite.Instance, settings: new Dictionary<string, string?> { ["Pipeline:PlansPath"] = _plans.Path });
        }
        catch
        {
            // xunit disposes only an instance it could construct.
            _plans.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The pipeline reads the plans folder: it goes first.
        using (_plans)
        {
            _pipeline.Dispose();
        }
    }

    private static byte[] Sample(params string[] path) => File.ReadAllBytes(Path.Combine([RepositoryRoot.Find(), "samples", .. path]));

    private async Task<NightlyRun> IngestBothAndRunAsync()
    {
        // The default plan by its older two-part path and by its own prefix; the other plan by its prefix.
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, "shakyo/R5.xlsx", Sample("submissions", "shakyo", "R5_成果指標実績_社協.xlsx"))).Status);
        Assert.Equal(UploadStatus.Accepted, (await Uploads.IngestAsync(_pipeline, $"{Kumamoto}/kenko-fukushi-seisaku/r2-r5.xls",
            Sample("submissions", "kenko-fukushi-seisaku", "成果指標_取組評価_R2-R5.xls"))).Status);
        foreach (var (department, file) in new[] { ("kenko-suishin", "健診・相談_R6-R8.csv"), ("koureisha-shien", "低栄養傾向_R6-R7.csv"), ("ishikai", "在宅医療相談_取組評価_R7.csv") })
        {
            var report = await Uploads.IngestAsync(_pipeline, $"{Tamana}/{department}/{file}", Sample("plans", Tamana, department, file));
            Assert.Equal(UploadStatus.Accepted, report.Status);
            Assert.Equal(Tamana, report.PlanId);
        }

        return await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_plans_are_ingested_and_published_side_by_side_with_the_same_indicator_id()
    {
        var run = await IngestBothAndRunAsync();
        Assert.Equal([Kumamoto, Tamana], run.Plans.Select(r => r.Feed.Plan.Id));

        var kumamoto = run.For(Kumamoto).Feed;
        var tamana = run.For(Tamana).Feed;
        Assert.Equal(95.9m, kumamoto.Indicators.Single(i => i.Id == "I-1-K1").Latest!.Value); // 民生委員 充足率, FY2023
        Assert.Equal(new FeedValue(2025, 42.3m), tamana.Indicators.Single(i => i.Id == "I-1-K1").Latest); // 特定健診 受診率
        Assert.Equal(2 + 3, run.Plans.Sum(r => r.AcceptedUploads));

        // Keys carry the plan id: the same indicator id lives in each plan's partitions.
        var observations = await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable);
        Assert.Contains(observations, o => o.PartitionKey == $"{Kumamoto}~I-1" && o.RowKey.StartsWith("I-1-K1~", StringComparison.Ordinal));
        Assert.Contains(observations, o => o.PartitionKey == $"{Tamana}~I-1" && o.RowKey.StartsWith("I-1-K1~", StringComparison.Ordinal));
        var uploads = await Uploads.RowsAsync(_pipeline, StorageNames.UploadsTable);
        Assert.Contains(uploads, u => u.PartitionKey == $"{Tamana}~ishikai" && u.GetString("BlobName") == $"{Tamana}/ishikai/在宅医療相談_取組評価_R7.csv");
        Assert.Contains(uploads, u => u.PartitionKey == $"{Kumamoto}~shakyo" && u.GetString("BlobName") == "shakyo/R5.xlsx");

        // Reports sit beside their uploads: upload-reports/{planId}/{departmentId}/{name}.report.json.
        Assert.Equal(UploadStatus.Accepted, (await Uploads.ReportAsync(_pipeline, $"{Tamana}/koureisha-shien/低栄養傾向_R6-R7.csv")).Status);

        // Each feed under its own folder, and the index and landing page beside them.
        var container = await _pipeline.Storage.ContainerAsync(StorageNames.OpenDataContainer, CancellationToken.None);
        foreach (var plan in new[] { Kumamoto, Tamana })
        {
            var published = FeedFiles.ReadJson((await container.GetBlobClient(BlobFeedStore.Path(PlanId.Parse(plan), FeedPaths.JsonName)).DownloadContentAsync()).Value.Content.ToArray());
            Assert.Equal(plan, published.Plan.Id);
        }

        Assert.True(run.IndexPublished);
        var index = PlanIndex.ReadJson((await container.GetBlobClient(FeedPaths.IndexPath).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal([Kumamoto, Tamana], index.Plans.Select(p => p.Id));
        Assert.Equal($"{Tamana}/progress.json", index.Plans[1].Links.Json);
        Assert.Equal($"{Tamana}/index.html", index.Plans[1].Links.Dashboard);
        Assert.Equal(1, index.Plans[1].StatusCounts["achieved"]); // I-2-K1, a stated decrease below its target
        Assert.Equal(1, index.Plans[1].StatusCounts["deteriorated"]); // II-2-K1, suicides up from 14 to 15
        var landing = Encoding.UTF8.GetString((await container.GetBlobClient(FeedPaths.LandingPath).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Contains($"href=\"feeds/v1/{Tamana}/index.html\"", landing, StringComparison.Ordinal);
        Assert.Contains("終了（修正は受付）", landing, StringComparison.Ordinal);
        Assert.Contains("運用中", landing, StringComparison.Ordinal);

        // The feed store serves the same index (GET /api/plans answers with it, see PortalSecurityTests), with its hash.
        var served = await _pipeline.Get<Application.Ports.IFeedStore>().ReadIndexAsync(CancellationToken.None);
        Assert.NotNull(served);
        Assert.Equal([Kumamoto, Tamana], PlanIndex.ReadJson(served.Json).Plans.Select(p => p.Id));
        var records = (await _pipeline.Get<Application.Ports.IPublicationRecords>().AllAsync(CancellationToken.None))
            .OrderBy(r => r.PlanId, StringComparer.Ordinal).Select(r => $"{r.PlanId}:{r.ContentHash}");
        Assert.Equal(IndexFiles.ContentHash(index, records), served.ContentHash);

        // A second run with nothing new publishes nothing again.
        var again = await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        Assert.False(again.IndexPublished);
        Assert.All(again.Plans, r => Assert.False(r.Published));
    }

    [Fact]
    public async Task A_closed_plan_and_an_active_plan_and_a_closed_plan_still_takes_corrections()
    {
        var run = await IngestBothAndRunAsync();
        Assert.Equal(PlanStatus.Closed, run.For(Kumamoto).Feed.Plan.Status); // FY2024 was due on 30 June 2025; the clock says 26 Nov 2026
        Assert.Equal(PlanStatus.Active, run.For(Tamana).Feed.Plan.Status); // until 30 June 2030

        var correction = await Uploads.IngestAsync(_pipeline, $"{Kumamoto}/jutaku-seisaku/fix.csv", Uploads.Csv("指標ID,年度,実績値\nIII-1-K2,2024,402\n"));
        Assert.Equal(UploadStatus.Accepted, correction.Status);
        var after = await _pipeline.Get<NightlyAggregationService>().RunAsync(CancellationToken.None);
        var visits = after.For(Kumamoto).Feed.Indicators.Single(i => i.Id == "III-1-K2");
        Assert.Equal(new FeedValue(2024, 402m), visits.Latest);
        Assert.Equal(ProgressStatus.Achieved, visits.Status);
    }

    [Fact]
    public async Task A_city_without_wards_a_monthly_flow_in_progress_and_decreasing_indicators_end_to_end()
    {
        var tamana = (await IngestBothAndRunAsync()).For(Tamana).Feed;
        Assert.All(tamana.Indicators.SelectMany(i => i.Actuals), a => Assert.Empty(a.Areas));

        // II-1-K1: FY2025 twelve months sum 780 (達成率 100 × 160 / 280 = 57.1, on track); FY2026 April–October 480 so far.
        var consultations = tamana.Indicators.Single(i => i.Id == "II-1-K1");
        Assert.Equal(new FeedValue(2025, 780m), consultations.Latest);
        Assert.Equal(57.1m, consultations.AchievementRatePercent);
        Assert.Equal(ProgressStatus.OnTrack, consultations.Status);
        Assert.Equal(new FeedYearToDate(2026, 480m, 7), consultations.YearToDate);

        // I-1-K2 decrease inferred (31.2 → 25.0): 29.8 → 100 × (−1.4) / (−6.2) = 22.6, behind.
        var metabolic = tamana.Indicators.Single(i => i.Id == "I-1-K2");
        Assert.Equal((IndicatorDirection.Decrease, 22.6m, ProgressStatus.Behind), (metabolic.Direction, metabolic.AchievementRatePercent, metabolic.Status));
        // I-2-K1 decrease stated (19.8 → 17.0): 16.8 → 107.1, achieved, target_achieved.
        var nutrition = tamana.Indicators.Single(i => i.Id == "I-2-K1");
        Assert.Equal((107.1m, ProgressStatus.Achieved, SdgProgress.TargetAchieved), (nutrition.AchievementRatePercent!.Value, nutrition.Status, nutrition.SdgProgress));
        // II-2-K1 decrease stated (14 → 9): 15 → −20.0, deteriorated, deterioration.
        var suicides = tamana.Indicators.Single(i => i.Id == "II-2-K1");
        Assert.Equal((-20.0m, ProgressStatus.Deteriorated, SdgProgress.Deterioration), (suicides.AchievementRatePercent!.Value, suicides.Status, suicides.SdgProgress));

        // The medical association evaluates the initiatives that name it.
        var desk = tamana.Policies.SelectMany(p => p.Measures).SelectMany(m => m.Initiatives).Single(n => n.Id == "II-1-1-a");
        Assert.Equal(["ishikai"], desk.Owners);
        Assert.Equal(Domain.Observations.Rating.A, Assert.Single(desk.Evaluations).Rating);
    }

    [Fact]
    public async Task An_upload_for_a_plan_whose_file_is_broken_gets_a_report_and_the_others_keep_working()
    {
        var set = _pipeline.Get<PlanSet>();
        var broken = set.Entry("broken-plan")!;
        Assert.False(broken.IsValid);
        Assert.Contains(broken.Problems, p => p.Path == "$.name.ja");
        Assert.Contains(broken.Problems, p => p.Path == "$.departments");

        var report = await Uploads.IngestAsync(_pipeline, "broken-plan/fukushi/a.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K1,2025,1\n"));
        Assert.Equal(UploadStatus.Rejected, report.Status);
        Assert.Equal(ProblemCode.PlanNotServed, Assert.Single(report.Problems).Code);
        Assert.Empty(await Uploads.RowsAsync(_pipeline, StorageNames.ObservationsTable));

        var run = await IngestBothAndRunAsync();
        Assert.Equal("broken-plan", Assert.Single(run.NotServed).Id);
        Assert.Equal(2, run.Plans.Count);

        // An unknown department of a served plan is still the department's problem, reported under its plan.
        var unknown = await Uploads.IngestAsync(_pipeline, $"{Tamana}/shakyo/a.csv", Uploads.Csv("指標ID,年度,実績値\nI-1-K1,2025,1\n"));
        Assert.Equal(ProblemCode.DepartmentUnknown, Assert.Single(unknown.Problems).Code);
        Assert.Equal(Tamana, unknown.PlanId);
    }
}
